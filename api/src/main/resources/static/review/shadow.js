// The review page's shadow panel: the shadow report of the model in shadow (GET /api/v1/models gives each model's
// state; GET /api/v1/models/{version}/shadow-report its comparison with the active model). Aggregates only, for
// supervisors; caseworkers never see a shadow model's results. Every value goes in with textContent (through the
// page's el and table helpers). A failure here shows a message in the panel and never fails the rest of the page.
(function () {
  'use strict';

  var TEXT = {
    en: {
      shadowTitle: 'Model in shadow', shadowNone: 'No model is in shadow.',
      shadowNotYet: 'The model in shadow has not scored any case yet.',
      shadowFailed: 'The shadow report could not be loaded',
      shadowIntro: 'It scores every case silently beside the active model; its results are never shown with a score.',
      shadowModel: 'Model in shadow', shadowActive: 'Active model', shadowFigure: 'Figure', shadowValue: 'Value',
      shadowScored: 'Cases scored by both', shadowAgreement: 'In the same band',
      shadowMeanDiff: 'Mean difference of the estimates', shadowMaxDiff: 'Largest difference of the estimates',
      shadowShift: 'Model in shadow higher (+) or lower (−) on average',
      shadowMatrix: 'Bands: active model (rows) × model in shadow (columns)', shadowRows: 'Active \\ shadow',
      shadowItems: 'Items whose contributions differ most', shadowItem: 'Item',
      shadowItemDiff: 'Mean difference of the contribution', shadowOutcomes: 'On recorded outcomes',
      shadowOutcomeN: 'Scores with an outcome', shadowPositives: 'of them with a confirmed need',
      shadowAuc: 'AUC', shadowBrier: 'Brier score (lower is better)', shadowMeanPredicted: 'Mean estimate',
      shadowObserved: 'Observed rate', shadowFew: 'Too few outcomes to rely on these figures.',
      shadowPts: ' points', shadowNotes: 'Caveats'
    },
    ja: {
      shadowTitle: 'シャドーモデル（試行中のモデル）', shadowNone: 'シャドーで試行中のモデルはありません。',
      shadowNotYet: 'シャドーモデルはまだ1件も算出していません。',
      shadowFailed: 'シャドーレポートを読み込めませんでした',
      shadowIntro: '稼働中のモデルと並んで、すべての事例を表に出さずに算出しています。その結果がスコアと一緒に示されることはありません。',
      shadowModel: 'シャドーモデル', shadowActive: '稼働中のモデル', shadowFigure: '指標', shadowValue: '値',
      shadowScored: '両モデルで算出した件数', shadowAgreement: '同じ区分の割合',
      shadowMeanDiff: '推定の差の平均', shadowMaxDiff: '推定の差の最大',
      shadowShift: 'シャドーモデルの推定が平均して高い（＋）か低い（−）か',
      shadowMatrix: '区分：稼働中のモデル（行）× シャドーモデル（列）', shadowRows: '稼働中 ＼ シャドー',
      shadowItems: '寄与の差が大きい項目', shadowItem: '項目',
      shadowItemDiff: '寄与の差の平均', shadowOutcomes: '記録された結果での比較',
      shadowOutcomeN: '結果が記録された件数', shadowPositives: 'うち支援の必要性が確認された件数',
      shadowAuc: 'AUC', shadowBrier: 'ブライアスコア（低いほど良い）', shadowMeanPredicted: '推定の平均',
      shadowObserved: '実際の割合', shadowFew: '結果が少なすぎるため、これらの数値は信頼できません。',
      shadowPts: 'ポイント', shadowNotes: '注意点'
    }
  };

  function load(page) {
    var t = page.t;
    var el = page.el;
    function show(node) { page.replace('shadow', node); }
    function number(x, digits) { return x === undefined || x === null ? '—' : Number(x).toFixed(digits); }
    function share(x) { return x === undefined || x === null ? '—' : page.percent(x); }
    function points(x) {
      return x === undefined || x === null ? '—' : (Math.round(x * 1000) / 10) + t('shadowPts');
    }
    function signed(x) { return x === undefined || x === null ? '—' : (x > 0 ? '+' : x < 0 ? '−' : '') + points(Math.abs(x)); }
    function band(b) {
      if (b.id === 'withheld') { return t('withheld'); }
      var short = page.label('band', b.id);
      return short === b.id ? b.label : short;
    }

    return page.get('/api/v1/models').then(function (models) {
      var inShadow = (models || []).filter(function (m) { return m.state === 'shadow'; })[0];
      if (!inShadow) { show(el('p', 'muted', [t('shadowNone')])); return; }
      return page.get('/api/v1/models/' + encodeURIComponent(inShadow.version) + '/shadow-report')
        .then(function (r) { show(report(r)); }, function (e) {
          show(el('p', 'muted', [String(e.message).indexOf('HTTP 404') >= 0 ? t('shadowNotYet')
            : t('shadowFailed') + ': ' + e.message]));
        });
    }).then(null, function (e) { show(el('p', 'muted', [t('shadowFailed') + ': ' + e.message])); });

    function report(r) {
      var a = r.agreement;
      var p = r.probabilities;
      var o = r.outcomes;
      var matrix = page.table([t('shadowRows')].concat(a.shadowBands.map(band)), a.activeBands.map(function (b, i) {
        return [band(b)].concat(a.counts[i].map(function (k) { return String(k); }));
      }));
      var items = page.table(['shadowItem', 'shadowItemDiff'], r.items.map(function (i) {
        return [i.label, number(i.meanAbsDifference, 3) + ' (' + (i.meanDifference > 0 ? '+' : '') +
          number(i.meanDifference, 3) + ')'];
      }));
      var fits = page.table(['shadowFigure', 'shadowActive', 'shadowModel'], [
        [t('shadowAuc'), number(o.active.auc, 3), number(o.shadow.auc, 3)],
        [t('shadowBrier'), number(o.active.brier, 3), number(o.shadow.brier, 3)],
        [t('shadowMeanPredicted'), share(o.active.meanPredicted), share(o.shadow.meanPredicted)],
        [t('shadowObserved'), share(o.observedRate), share(o.observedRate)]
      ]);
      var section = el('div', null, [
        el('p', null, [t('shadowModel') + ' ' + String(r.shadowVersion).substring(0, 12) + ' · ' + t('shadowActive') +
          ' ' + String(r.activeVersion).substring(0, 12)]),
        el('p', 'muted', [t('shadowIntro')]),
        page.table(['shadowFigure', 'shadowValue'], [
          [t('shadowScored'), String(r.scored)],
          [t('shadowAgreement'), share(a.share)],
          [t('shadowMeanDiff'), points(p.meanAbsDifference)],
          [t('shadowMaxDiff'), points(p.maxAbsDifference)],
          [t('shadowShift'), signed(p.meanDifference)]
        ]),
        el('h3', null, [t('shadowMatrix')]), matrix,
        el('h3', null, [t('shadowItems')]), items,
        el('h3', null, [t('shadowOutcomes')]),
        el('p', null, [t('shadowOutcomeN') + ': ' + o.n + ' (' + t('shadowPositives') + ': ' + o.positives + ')']),
        o.enough ? null : el('p', 'withheld', [t('shadowFew')]), fits,
        el('h3', null, [t('shadowNotes')]),
        el('ul', 'muted', r.notes.map(function (n) { return el('li', null, [n]); }))
      ]);
      section.setAttribute('data-shadow-version', r.shadowVersion);
      return section;
    }
  }

  window.mimamoriPanels = window.mimamoriPanels || [];
  window.mimamoriPanels.push({ text: TEXT, load: load });
})();
