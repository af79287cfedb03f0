// Outcome monitoring panel of the review page (GET /api/v1/monitoring/outcomes): calibration in use per band,
// the AUC on assessed children, and staff decisions against the model's flags by audit group, with the
// selection-bias caveat. Registers on window.mimamoriPanels (see review.js); text only, never HTML.
(function () {
  'use strict';
  window.mimamoriPanels = window.mimamoriPanels || [];
  window.mimamoriPanels.push({
    text: {
      en: {
        'outcomes': 'Outcomes against estimates',
        'outcomes.summary': 'Model {model}: {scored} scores, {assessed} with a recorded outcome, {decided} decided.',
        'outcomes.byBand': 'Observed against predicted, by band',
        'outcomes.band': 'Band', 'outcomes.scored': 'Scored', 'outcomes.assessed': 'Assessed',
        'outcomes.predicted': 'Mean predicted', 'outcomes.observed': 'Observed (95% interval)',
        'outcomes.auc': 'Ranking of the assessed children (AUC)',
        'outcomes.aucLine': 'AUC {auc} (95% interval {lower}–{upper}) on {n} assessed children.',
        'outcomes.byGroup': 'Flags and decisions by audit group',
        'outcomes.item': 'Audit group', 'outcomes.value': 'Value', 'outcomes.flagged': 'Flagged by the model',
        'outcomes.decided': 'Decided', 'outcomes.outreach': 'Decided to act', 'outcomes.override': 'Overrides',
        'outcomes.ratio': '×{ratio} of the reference', 'outcomes.reference': 'reference group',
        'outcomes.disparity': 'look closer', 'outcomes.suppressed': 'too few to show',
        'outcomes.outside': 'prediction outside the interval',
        'outcomes.failed': 'Outcome monitoring could not be loaded'
      },
      ja: {
        'outcomes': '推定と結果の照合',
        'outcomes.summary': 'モデル {model}：スコア {scored} 件、うち結果の記録あり {assessed} 件、判断あり {decided} 件。',
        'outcomes.byBand': '区分ごとの予測と実績',
        'outcomes.band': '区分', 'outcomes.scored': 'スコア数', 'outcomes.assessed': 'アセスメント済み',
        'outcomes.predicted': '予測の平均', 'outcomes.observed': '実績（95%区間）',
        'outcomes.auc': 'アセスメントされた子どもの順位付け（AUC）',
        'outcomes.aucLine': 'アセスメントされた子ども {n} 人で AUC {auc}（95%区間 {lower}–{upper}）。',
        'outcomes.byGroup': '監査グループ別のフラグと判断',
        'outcomes.item': '監査グループ', 'outcomes.value': '値', 'outcomes.flagged': 'モデルのフラグ',
        'outcomes.decided': '判断数', 'outcomes.outreach': '対応すると判断', 'outcomes.override': '区分と異なる判断',
        'outcomes.ratio': '基準の {ratio} 倍', 'outcomes.reference': '基準グループ',
        'outcomes.disparity': '要確認', 'outcomes.suppressed': '件数が少ないため非表示',
        'outcomes.outside': '予測が区間外',
        'outcomes.failed': '推定と結果の照合を読み込めませんでした'
      }
    },
    load: function (page) {
      var t = page.t;
      var el = page.el;
      function fill(key, values) {
        return t(key).replace(/\{(\w+)\}/g, function (m, k) { return String(values[k]); });
      }
      function share(x, ratio) {
        if (x === undefined || x === null) { return ''; }
        return page.percent(x) + (ratio === undefined || ratio === null ? ''
          : ' (' + fill('outcomes.ratio', { ratio: ratio.toFixed(2) }) + ')');
      }
      return page.get('/api/v1/monitoring/outcomes').then(function (r) {
        var bands = page.table(['outcomes.band', 'outcomes.scored', 'outcomes.assessed', 'outcomes.predicted',
          'outcomes.observed'], r.bands.map(function (b) {
          return [b.label, String(b.scored), String(b.assessed),
            b.suppressed ? t('outcomes.suppressed') : page.percent(b.meanPredicted),
            b.suppressed ? t('outcomes.suppressed') : page.percent(b.observedRate) + ' (' + page.percent(b.lower) +
              '–' + page.percent(b.upper) + ')' + (b.outsideInterval ? ' · ' + t('outcomes.outside') : '')];
        }));
        var auc = r.auc.suppressed ? t('outcomes.suppressed') : fill('outcomes.aucLine', {
          auc: r.auc.estimate.toFixed(2), lower: r.auc.lower === undefined ? '?' : r.auc.lower.toFixed(2),
          upper: r.auc.upper === undefined ? '?' : r.auc.upper.toFixed(2), n: r.auc.assessed });
        var groups = page.table(['outcomes.item', 'outcomes.value', 'outcomes.scored', 'outcomes.flagged',
          'outcomes.decided', 'outcomes.outreach', 'outcomes.override'], r.groups.map(function (g) {
          var value = g.valueLabel + (g.reference ? ' (' + t('outcomes.reference') + ')' : '') +
            (g.disparity ? ' · ' + t('outcomes.disparity') : '');
          if (g.suppressed) { return [g.itemLabel, value, t('outcomes.suppressed'), '', '', '', '']; }
          return [g.itemLabel, value, String(g.scored), share(g.flaggedShare, g.flaggedRatio),
            g.decisionsSuppressed ? t('outcomes.suppressed') : String(g.decided),
            share(g.outreachShare, g.outreachRatio), share(g.overrideRate)];
        }));
        page.replace('outcomes', el('div', null, [
          el('p', 'notice caveat', [r.caveat]),
          el('p', 'muted', [fill('outcomes.summary', { model: String(r.modelVersion).substring(0, 12),
            scored: r.scored, assessed: r.assessed, decided: r.decided })]),
          el('h3', null, [t('outcomes.byBand')]), bands,
          el('h3', null, [t('outcomes.auc')]), el('p', 'auc', [auc]),
          el('h3', null, [t('outcomes.byGroup')]), groups,
          el('p', 'muted', [r.suppression])]));
      }, function (e) {
        page.replace('outcomes', el('p', 'muted', [t('outcomes.failed') + ': ' + e.message]));
      });
    }
  });
})();
