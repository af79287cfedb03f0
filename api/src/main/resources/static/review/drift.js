// The drift and data-quality panel of the review page (docs/models.md, "Drift and data quality"): the live
// window of the active model, or the screening's own figures when the page shows a screening. Registers itself on
// window.mimamoriPanels (see review.js); every string is text (textContent), never markup.
(function () {
  'use strict';

  var TEXT = {
    en: {
      'drift': 'Drift and data quality',
      'drift.window': 'Recent scores of the active model',
      'drift.screening': 'This screening',
      'drift.scores': 'scores',
      'drift.model': 'model',
      'drift.tooFew': 'Too few scores for warnings (at least {n} are needed); the figures are shown as they are.',
      'drift.noWarnings': 'No warning: the cases look like the cases the model learned from.',
      'drift.warnings': 'Warnings',
      'drift.level.watch': 'watch',
      'drift.level.act': 'act',
      'drift.items': 'Items',
      'drift.item': 'Item',
      'drift.source': 'Department',
      'drift.psi': 'PSI',
      'drift.unknown': 'Unknown (training)',
      'drift.outside': 'Outside training range',
      'drift.sources': 'Unknown rate by department',
      'drift.bands': 'Bands',
      'drift.band': 'Band',
      'drift.share': 'Share',
      'drift.unavailable': 'Drift figures are not available'
    },
    ja: {
      'drift': 'ドリフトとデータ品質',
      'drift.window': '有効なモデルの最近のスコア',
      'drift.screening': 'このスクリーニング',
      'drift.scores': '件',
      'drift.model': 'モデル',
      'drift.tooFew': '警告を出すにはスコアが少なすぎます（{n} 件以上が必要）。数値はそのまま表示しています。',
      'drift.noWarnings': '警告はありません。対象の事例はモデルが学習した事例と同様です。',
      'drift.warnings': '警告',
      'drift.level.watch': '注意',
      'drift.level.act': '要対応',
      'drift.items': '項目',
      'drift.item': '項目',
      'drift.source': '部署',
      'drift.psi': 'PSI',
      'drift.unknown': '不明の割合（学習時）',
      'drift.outside': '学習時の範囲外',
      'drift.sources': '部署ごとの不明の割合',
      'drift.bands': '区分',
      'drift.band': '区分',
      'drift.share': '割合',
      'drift.unavailable': 'ドリフトの数値を取得できません'
    }
  };

  function load(page) {
    var t = page.t;
    var el = page.el;
    var screening = page.params.get('screening');
    var path = screening ? '/api/v1/screenings/' + encodeURIComponent(screening) + '/drift'
      : '/api/v1/monitoring/drift';
    return page.get(path).then(function (d) {
      var parts = [];
      parts.push(el('p', 'muted', [(screening ? t('drift.screening') : t('drift.window')) + ': ' + d.scores + ' ' +
        t('drift.scores') + ' · ' + t('drift.model') + ' ' + String(d.modelVersion).substring(0, 12)]));
      if (!d.enough) {
        parts.push(el('p', 'muted', [t('drift.tooFew').replace('{n}', String(d.thresholds.minWindow))]));
      } else if (d.warnings.length === 0) {
        parts.push(el('p', 'drift-ok', [t('drift.noWarnings')]));
      } else {
        parts.push(el('h3', null, [t('drift.warnings')]));
        parts.push(el('ul', 'drift-warnings', d.warnings.map(function (w) {
          return el('li', 'drift-' + w.level, [el('span', 'tag', [t('drift.level.' + w.level)]), ' ', w.message]);
        })));
      }
      parts.push(el('h3', null, [t('drift.items')]));
      parts.push(page.table(['drift.item', 'drift.source', 'drift.psi', 'drift.unknown', 'drift.outside'],
        d.items.map(function (i) {
          return [i.label, i.sourceLabel, i.psi === undefined || i.psi === null ? '–' : i.psi.toFixed(3),
            page.percent(i.unknownRate) + ' (' + page.percent(i.referenceUnknownRate) + ')',
            i.outsideRangeShare === undefined || i.outsideRangeShare === null ? '–'
              : page.percent(i.outsideRangeShare)];
        })));
      parts.push(el('h3', null, [t('drift.sources')]));
      parts.push(page.table(['drift.source', 'drift.unknown'], d.sources.map(function (s) {
        return [s.label, page.percent(s.unknownRate) + ' (' + page.percent(s.referenceUnknownRate) + ')'];
      })));
      parts.push(el('h3', null, [t('drift.bands')]));
      parts.push(page.table(['drift.band', 'drift.scores', 'drift.share'], d.bands.map(function (b) {
        return [page.label('band', b.band), String(b.scores), page.percent(b.share)];
      })));
      page.replace('drift', el('div', null, parts));
    }, function (e) {
      // The rest of the page stands without these figures (e.g. no model active yet).
      page.replace('drift', el('p', 'muted', [t('drift.unavailable') + ': ' + e.message]));
    });
  }

  window.mimamoriPanels = window.mimamoriPanels || [];
  window.mimamoriPanels.push({ text: TEXT, load: load });
}());
