// Mimamori disclosure page: everything held about one child, printable, in Japanese or English. Plain
// JavaScript, no build step, no inline script or style (the page runs under a strict Content-Security-Policy).
// The bearer token lives in this script's memory only: never in the address, localStorage or sessionStorage.
// Every value from the API is put into the page as text (textContent), never as markup. Explanations are
// shown as they were given (in the language of the original request); the page's own labels follow the
// chosen language.
(function () {
  'use strict';

  var TEXT = {
    en: {
      title: 'Disclosure: records held about a child',
      notice: 'This document lists every record Mimamori holds about the child and everyone who accessed those ' +
        'records. A score is the share of similar past cases in which staff confirmed a need for support, not a ' +
        'verdict; a person always decides.',
      token: 'Bearer token', childRef: 'Child reference', load: 'Show', print: 'Print',
      needInput: 'Enter a bearer token and the child\'s reference.', loading: 'Loading…', loaded: 'Loaded.',
      failed: 'Could not load', generatedAt: 'Prepared', generatedBy: 'Prepared by', child: 'Child reference',
      versions: 'Score versions held', nothingHeld: 'No records are held about this child.',
      scores: 'Scores with their explanations', version: 'Version', current: 'current version',
      superseded: 'superseded by a correction', supersededBy: 'Superseded by version', supersededAt: 'Superseded on',
      supersedes: 'Corrects version', correctionReason: 'Reason for the correction', scoreId: 'Score id',
      created: 'Scored', requestedBy: 'Requested by', purpose: 'Purpose', model: 'Model', inputs: 'Inputs as recorded',
      item: 'Item', value: 'Value', explanation: 'Explanation, as it was given', probability: 'Share of similar past cases',
      interval: 'Range', band: 'Band', withheld: 'Estimate withheld', target: 'What the number is',
      contributions: 'What each item contributed', state: 'Read as', contribution: 'Contribution',
      unrecorded: 'Unrecorded items', missing: 'What the model could not see', warnings: 'Warnings',
      redFlags: 'Red flags', decisionNotice: 'Notice given with the score', decisions: 'Decisions and their reasons',
      decision: 'Decision', reason: 'Reason', decidedBy: 'Decided by', decidedAt: 'When',
      againstBand: 'against the band', againstRedFlag: 'dismisses red flags', signOff: 'Sign-off',
      outcome: 'Outcome', needConfirmed: 'need for support confirmed', noNeed: 'no need for support confirmed',
      supportTypes: 'Support', confirmedOn: 'Confirmed on', recordedBy: 'Recorded by',
      ownAssessments: 'Staff\'s own assessments', level: 'Assessment', note: 'Note', assessedBy: 'By', assessedAt: 'When',
      shadow: 'A candidate model\'s estimate from the same inputs (kept only to compare models: never shown to ' +
        'staff, never used for a decision)', difference: 'Its contribution minus the active model\'s',
      screening: 'Screening entries', screeningId: 'Screening', screenedAt: 'Screened', rank: 'Rank', status: 'Status',
      alreadySupported: 'Already supported', reviewedBy: 'Reviewed by', reviewedAt: 'Reviewed',
      accesses: 'Who accessed the records, when and why', at: 'When', actor: 'Who', role: 'Role', action: 'What',
      resource: 'Record', why: 'Why', result: 'Result', none: 'None.', yes: 'yes', no: 'no',
      'value.unknown': 'unknown', 'value.not_applicable': 'not applicable', 'value.true': 'yes', 'value.false': 'no',
      'result.ok': 'done',
      'decision.outreach': 'outreach', 'decision.assessment': 'assessment', 'decision.monitor': 'monitor',
      'decision.no_action': 'no action',
      'signoff.not_needed': 'not needed', 'signoff.pending': 'pending', 'signoff.signed': 'signed',
      'signoff.rejected': 'rejected',
      'purpose.screening': 'screening', 'purpose.case_review': 'case review',
      'purpose.case_conference': 'case conference', 'purpose.follow_up': 'follow-up',
      'purpose.supervision': 'supervision', 'purpose.audit': 'audit', 'purpose.model_management': 'model management',
      'purpose.disclosure_request': 'disclosure request', 'purpose.correction_request': 'correction request',
      'purpose.deletion_request': 'deletion request',
      'level.none': 'no concern', 'level.low': 'low', 'level.moderate': 'moderate', 'level.high': 'high',
      'support.poverty': 'poverty', 'support.neglect': 'neglect', 'support.abuse': 'abuse',
      'support.young_carer': 'young carer', 'support.school_refusal': 'school refusal',
      'entry.to_review': 'to review', 'entry.reviewed_outreach': 'reviewed: outreach',
      'entry.reviewed_no_action': 'reviewed: no action',
      'role.caseworker': 'caseworker', 'role.supervisor': 'supervisor', 'role.analyst': 'analyst',
      'role.auditor': 'auditor', 'role.admin': 'administrator', 'role.privacy_officer': 'privacy officer',
      'action.score.create': 'scored the child', 'action.score.read': 'read a score',
      'action.score.correct': 'corrected the inputs', 'action.score.similar_outcomes': 'read similar past cases',
      'action.assessment.create': 'recorded an own assessment', 'action.decision.create': 'recorded a decision',
      'action.decision.sign_off.signed': 'signed off a decision',
      'action.decision.sign_off.rejected': 'rejected a decision', 'action.outcome.create': 'recorded an outcome',
      'action.child.disclosure': 'disclosure of these records',
      'action.screening.create': 'screened a cohort including the child',
      'action.screening.finish': 'finished a screening including the child',
      'action.screening.entries.read': 'read a screening\'s review list',
      'action.screening.entry.review': 'marked the child\'s screening entry',
      'action.review.scores': 'read recent scores (supervision)', 'action.review.red_flags': 'read open red flags',
      'action.cessation.create': 'recorded a cessation-of-use request', 'action.cessation.read': 'read the cessation record',
      'action.score.responses.keep': 'kept stored explanations after an upgrade',
      'action.audit.read': 'read the audit trail', 'action.retention.purge': 'erased records past their retention',
      'role.system': 'the service itself',
      'result.failed': 'failed', 'result.refused': 'refused', 'result.invalid': 'refused (invalid request)',
      'result.forbidden': 'refused (not permitted)', 'result.not_found': 'not found', 'result.conflict': 'refused (conflict)',
      'result.error': 'error'
    },
    ja: {
      title: '開示：子どもについて保有している記録',
      notice: 'この文書は、見守りがこの子どもについて保有しているすべての記録と、その記録を閲覧・操作した者の一覧です。' +
        'スコアは類似の過去事例で支援の必要性が確認された割合であり、判定ではありません。判断は常に人が行います。',
      token: 'ベアラートークン', childRef: '子どもの参照番号', load: '表示する', print: '印刷する',
      needInput: 'トークンと子どもの参照番号を入力してください。', loading: '読み込み中…', loaded: '読み込みました。',
      failed: '読み込めませんでした', generatedAt: '作成日時', generatedBy: '作成者', child: '子どもの参照番号',
      versions: '保有しているスコアの版の数', nothingHeld: 'この子どもについて保有している記録はありません。',
      scores: 'スコアとその説明', version: '版', current: '現行版', superseded: '訂正により置き換え済み',
      supersededBy: '置き換えた版', supersededAt: '置き換え日時', supersedes: '訂正した版', correctionReason: '訂正の理由',
      scoreId: 'スコアID', created: '算出日時', requestedBy: '依頼者', purpose: '目的', model: 'モデル',
      inputs: '記録された入力', item: '項目', value: '値', explanation: '説明（示されたとおり）',
      probability: '類似の過去事例の割合', interval: '幅', band: '区分', withheld: '推定を保留', target: '数値の意味',
      contributions: '各項目の影響', state: 'モデルの読み取り', contribution: '影響', unrecorded: '未記録の項目',
      missing: 'モデルが見られなかったこと', warnings: '注意', redFlags: 'レッドフラグ',
      decisionNotice: 'スコアとともに示された注意書き', decisions: '判断とその理由', decision: '判断', reason: '理由',
      decidedBy: '判断者', decidedAt: '日時', againstBand: '区分と異なる判断', againstRedFlag: 'レッドフラグを退ける',
      signOff: '承認', outcome: '結果', needConfirmed: '支援の必要性を確認', noNeed: '支援の必要性は確認されず',
      supportTypes: '支援の種類', confirmedOn: '確認日', recordedBy: '記録者', ownAssessments: '職員の見立て',
      shadow: '同じ入力による候補モデルの推定（モデルの比較のためだけに保存。職員には示されず、判断にも使われていません）',
      difference: '候補モデルの影響と現行モデルの影響の差',
      level: '見立て', note: 'メモ', assessedBy: '記録者', assessedAt: '日時', screening: 'スクリーニングの記録',
      screeningId: 'スクリーニング', screenedAt: '実施日時', rank: '順位', status: '状態', alreadySupported: '支援中',
      reviewedBy: '確認者', reviewedAt: '確認日時', accesses: '記録を閲覧・操作した者（日時・理由）', at: '日時',
      actor: '誰が', role: '役割', action: '操作', resource: '対象の記録', why: '目的', result: '結果', none: 'ありません。',
      yes: 'はい', no: 'いいえ',
      'value.unknown': '不明', 'value.not_applicable': '該当なし', 'value.true': 'はい', 'value.false': 'いいえ',
      'result.ok': '完了',
      'decision.outreach': 'アウトリーチ', 'decision.assessment': 'アセスメント', 'decision.monitor': '見守り',
      'decision.no_action': '対応なし',
      'signoff.not_needed': '不要', 'signoff.pending': '承認待ち', 'signoff.signed': '承認済み', 'signoff.rejected': '却下',
      'purpose.screening': 'スクリーニング', 'purpose.case_review': 'ケース検討', 'purpose.case_conference': 'ケース会議',
      'purpose.follow_up': 'フォローアップ', 'purpose.supervision': 'スーパービジョン', 'purpose.audit': '監査',
      'purpose.model_management': 'モデル管理', 'purpose.disclosure_request': '開示請求',
      'purpose.correction_request': '訂正請求', 'purpose.deletion_request': '削除請求',
      'level.none': '懸念なし', 'level.low': '低い', 'level.moderate': '中程度', 'level.high': '高い',
      'support.poverty': '貧困', 'support.neglect': 'ネグレクト', 'support.abuse': '虐待',
      'support.young_carer': 'ヤングケアラー', 'support.school_refusal': '不登校',
      'entry.to_review': '未確認', 'entry.reviewed_outreach': '確認済み（アウトリーチ）',
      'entry.reviewed_no_action': '確認済み（対応なし）',
      'role.caseworker': 'ケースワーカー', 'role.supervisor': 'スーパーバイザー', 'role.analyst': 'アナリスト',
      'role.auditor': '監査担当', 'role.admin': '管理者', 'role.privacy_officer': '個人情報保護担当',
      'action.score.create': 'スコアを算出', 'action.score.read': 'スコアを閲覧', 'action.score.correct': '入力を訂正',
      'action.score.similar_outcomes': '類似の過去事例を閲覧', 'action.assessment.create': '見立てを記録',
      'action.decision.create': '判断を記録', 'action.decision.sign_off.signed': '判断を承認',
      'action.decision.sign_off.rejected': '判断を却下', 'action.outcome.create': '結果を記録',
      'action.child.disclosure': 'この記録の開示',
      'action.screening.create': 'この子どもを含む対象者をスクリーニング',
      'action.screening.finish': 'この子どもを含むスクリーニングが終了',
      'action.screening.entries.read': 'スクリーニングの確認リストを閲覧',
      'action.screening.entry.review': 'この子どものスクリーニング行を確認済みに',
      'action.review.scores': '最近のスコアを閲覧（スーパービジョン）', 'action.review.red_flags': '未対応のレッドフラグを閲覧',
      'action.cessation.create': '利用停止の請求を記録', 'action.cessation.read': '利用停止の記録を閲覧',
      'action.score.responses.keep': '更新後に保存済みの説明を保持',
      'action.audit.read': '監査記録を閲覧', 'action.retention.purge': '保存期間を過ぎた記録を消去',
      'role.system': 'サービス自身',
      'result.failed': '失敗', 'result.refused': '拒否', 'result.invalid': '拒否（リクエストの誤り）',
      'result.forbidden': '拒否（権限なし）', 'result.not_found': '見つからず', 'result.conflict': '拒否（記録と矛盾）',
      'result.error': 'エラー'
    }
  };

  var params = new URLSearchParams(window.location.search);
  var lang = params.get('lang') === 'en' ? 'en' : params.get('lang') === 'ja' ? 'ja'
    : ((navigator.language || '').toLowerCase().indexOf('ja') === 0 ? 'ja' : 'en');
  var bearer = '';       // in memory only
  var disclosure = null; // the last answer, re-rendered when the language changes

  function t(key) { return TEXT[lang][key] || TEXT.en[key] || key; }

  /** The name of an id of a kind in the page's language; the id itself when it has none. */
  function label(kind, id) {
    var key = kind + '.' + id;
    return TEXT[lang][key] || TEXT.en[key] || String(id);
  }

  function el(tag, className, children) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }

  function table(headers, rows, className) {
    if (rows.length === 0) { return el('p', 'muted', [t('none')]); }
    return el('table', className, [el('thead', null, [el('tr', null, headers.map(function (h) {
      return el('th', null, [t(h)]);
    }))]), el('tbody', null, rows.map(function (r) {
      return el('tr', null, r.map(function (c) { return el('td', null, [c]); }));
    }))]);
  }

  function meta(pairs) {
    var dl = el('dl', 'meta');
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === '') { return; }
      dl.appendChild(el('dt', null, [t(p[0])]));
      dl.appendChild(el('dd', null, [p[1]]));
    });
    return dl;
  }

  function when(iso) { return iso ? new Date(iso).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB') : ''; }
  function percent(p) { return (Math.round(p * 1000) / 10) + '%'; }

  function value(v) {
    if (v === null || v === undefined) { return label('value', 'unknown'); }
    if (typeof v === 'boolean' || v === 'unknown' || v === 'not_applicable') { return label('value', String(v)); }
    if (v === 'yes' || v === 'no') { return t(v); }
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  function setStatus(text) { document.getElementById('status').textContent = text; }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    document.title = 'Mimamori – ' + t('title');
  }

  function explanation(s) {
    var parts = [];
    if (s.reliable && s.band) {
      parts.push(meta([['probability', percent(s.probability) + (s.interval ? ' (' + percent(s.interval.low) + '–' +
        percent(s.interval.high) + ')' : '')], ['band', s.band.meaning + (s.band.reviewLabel ? ' · ' +
        s.band.reviewLabel : '')], ['target', s.target]]));
    } else {
      parts.push(el('p', 'flag', [t('withheld')]), meta([['target', s.target]]));
    }
    parts.push(el('h4', null, [t('contributions')]));
    parts.push(table(['item', 'value', 'state', 'contribution'], (s.contributions || []).map(function (c) {
      return [c.label + ' (' + c.item + ')', value(c.value), c.state || '',
        (c.contribution > 0 ? '+' : '') + c.contribution.toFixed(3)];
    }), 'contributions'));
    if (s.unrecorded) {
      parts.push(el('p', null, [s.unrecorded.label + ': ' + (s.unrecorded.items || []).join(', ') + ' (' +
        (s.unrecorded.contribution > 0 ? '+' : '') + s.unrecorded.contribution.toFixed(3) + ')']));
    }
    if (s.missingInformation) {
      parts.push(el('h4', null, [t('missing')]), el('p', null, [s.missingInformation.summary]),
        el('ul', null, (s.missingInformation.items || []).map(function (m) {
          return el('li', null, [m.label + ': ' + m.message]);
        })));
    }
    if ((s.redFlags || []).length) {
      parts.push(el('h4', 'flag', [t('redFlags')]), el('ul', 'flag', s.redFlags.map(function (f) {
        return el('li', null, [(f.label ? f.label + ': ' : '') + f.message]);
      })));
    }
    if ((s.warnings || []).length) {
      parts.push(el('h4', null, [t('warnings')]), el('ul', null, s.warnings.map(function (w) {
        return el('li', null, [w.message]);
      })));
    }
    parts.push(el('h4', null, [t('decisionNotice')]), el('p', null, [s.decisionNotice]));
    return el('div', 'given', parts);
  }

  function decisionRow(d) {
    var what = label('decision', d.decision);
    if (d.againstBand) { what += ' · ' + t('againstBand'); }
    if (d.againstRedFlag) { what += ' · ' + t('againstRedFlag'); }
    var signOff = d.signOff && d.signOff.required ? label('signoff', d.signOff.status) +
      (d.signOff.by ? ' (' + d.signOff.by + ', ' + when(d.signOff.at) + ')' : '') +
      (d.signOff.note ? ': ' + d.signOff.note : '') : label('signoff', 'not_needed');
    return [what, d.reason || '', d.decidedBy, when(d.decidedAt), signOff];
  }

  function version(v) {
    var labels = {};
    (v.score.contributions || []).forEach(function (c) { labels[c.item] = c.label; });
    var mark = v.current ? el('span', 'mark current', [t('current')]) : el('span', 'mark superseded', [t('superseded')]);
    var section = el('section', 'version' + (v.current ? '' : ' superseded'), [
      el('h3', null, [t('version') + ' ' + v.version + ' · ' + when(v.createdAt), mark]),
      meta([['scoreId', v.id], ['requestedBy', v.requestedBy + ' (' + label('role', v.requesterRole) + ')'],
        ['purpose', label('purpose', v.purpose)], ['model', v.modelVersion], ['supersedes', v.supersedes],
        ['correctionReason', v.correctionReason], ['supersededBy', v.supersededBy],
        ['supersededAt', when(v.supersededAt)]]),
      el('h4', null, [t('inputs')]),
      table(['item', 'value'], Object.keys(v.inputs).map(function (k) {
        return [labels[k] ? labels[k] + ' (' + k + ')' : k, value(v.inputs[k])];
      }), 'inputs'),
      el('h4', null, [t('explanation')]),
      explanation(v.score),
      el('h4', null, [t('decisions')]),
      table(['decision', 'reason', 'decidedBy', 'decidedAt', 'signOff'], v.decisions.map(decisionRow), 'decisions'),
      el('h4', null, [t('outcome')]),
      v.outcome ? meta([['outcome', v.outcome.needConfirmed ? t('needConfirmed') : t('noNeed')],
        ['supportTypes', v.outcome.supportTypes.map(function (x) { return label('support', x); }).join(', ')],
        ['confirmedOn', v.outcome.confirmedOn], ['recordedBy', v.outcome.recordedBy + ', ' +
          when(v.outcome.recordedAt)]]) : el('p', 'muted', [t('none')]),
      el('h4', null, [t('ownAssessments')]),
      table(['level', 'note', 'assessedBy', 'assessedAt'], v.ownAssessments.map(function (a) {
        return [label('level', a.level), a.note || '', a.assessedBy, when(a.assessedAt)];
      })),
      el('h4', null, [t('screening')]),
      table(['screeningId', 'screenedAt', 'rank', 'status', 'alreadySupported', 'reviewedBy', 'reviewedAt'],
        v.screeningEntries.map(function (e) {
          return [e.screeningId, when(e.screenedAt), e.rank === undefined || e.rank === null ? '' : String(e.rank),
            label('entry', e.status), e.alreadySupported ? t('yes') : t('no'), e.reviewedBy || '',
            when(e.reviewedAt)];
        }))
    ].concat(v.shadow ? shadow(v.shadow, labels) : []));
    section.setAttribute('data-score-id', v.id);
    return section;
  }

  /** The candidate model's estimate of this score's inputs, when one ran in shadow. */
  function shadow(sh, labels) {
    return [el('h4', 'shadow', [t('shadow')]),
      meta([['model', sh.modelVersion], ['created', when(sh.scoredAt)],
        ['probability', sh.probability === undefined || sh.probability === null ? t('withheld') : percent(sh.probability)],
        ['band', sh.bandMeaning ? sh.bandMeaning[lang] : sh.band], ['redFlags', String(sh.redFlags)]]),
      table(['item', 'difference'], sh.differences.map(function (d) {
        return [labels[d.item] ? labels[d.item] + ' (' + d.item + ')' : d.item, String(Math.round(d.difference * 1000) / 1000)];
      }), 'shadow')];
  }

  function render() {
    var target = document.getElementById('document');
    while (target.firstChild) { target.removeChild(target.firstChild); }
    if (!disclosure) { return; }
    var d = disclosure;
    target.appendChild(meta([['child', d.childRef], ['generatedAt', when(d.generatedAt)],
      ['generatedBy', d.generatedBy], ['versions', String(d.scores.length)]]));
    var scores = el('section', null, [el('h2', null, [t('scores')])]);
    scores.id = 'scores';
    if (d.scores.length === 0) { scores.appendChild(el('p', null, [t('nothingHeld')])); }
    d.scores.forEach(function (v) { scores.appendChild(version(v)); });
    target.appendChild(scores);
    var accesses = el('section', null, [el('h2', null, [t('accesses')]),
      table(['at', 'actor', 'role', 'action', 'resource', 'why', 'result'], d.accesses.map(function (a) {
        return [when(a.at), a.actor, label('role', a.role), label('action', a.action), a.resource,
          a.purpose ? label('purpose', a.purpose) : '', label('result', a.outcome)];
      }), 'accesses')]);
    accesses.id = 'accesses';
    target.appendChild(accesses);
  }

  function load() {
    var child = document.getElementById('child').value.trim();
    if (!bearer || !child) { setStatus(t('needInput')); return; }
    setStatus(t('loading'));
    fetch('/api/v1/children/' + encodeURIComponent(child) + '/disclosure?purpose=disclosure_request', {
      headers: { 'Authorization': 'Bearer ' + bearer, 'Accept': 'application/json', 'Accept-Language': lang },
      credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer'
    }).then(function (r) {
      if (!r.ok) {
        return r.json().then(function (p) { throw new Error('HTTP ' + r.status + (p && p.detail ? ': ' + p.detail : '')); },
          function () { throw new Error('HTTP ' + r.status); });
      }
      return r.json();
    }).then(function (d) {
      disclosure = d;
      render();
      setStatus(t('loaded'));
    }, function (e) {
      disclosure = null;
      render();
      setStatus(t('failed') + ': ' + e.message);
    });
  }

  document.getElementById('request-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var field = document.getElementById('token');
    bearer = field.value.trim() || bearer;
    field.value = ''; // the token stays in this script's memory, not in the form
    load();
  });
  document.getElementById('print').addEventListener('click', function () { window.print(); });
  ['ja', 'en'].forEach(function (l) {
    document.getElementById('lang-' + l).addEventListener('click', function () {
      lang = l;
      applyLanguage();
      render();
      if (disclosure) { setStatus(t('loaded')); }
    });
  });
  applyLanguage();
})();
