// Mimamori supervisor review page. Plain JavaScript, no build step. Every value from the API is put into the
// page with textContent (never innerHTML), so data cannot inject markup.
(function () {
  'use strict';

  var TEXT = {
    en: {
      title: 'Supervisor review', notice: 'Scores are suggestions for where to look. A person always decides.',
      token: 'Bearer token', load: 'Load', screening: 'Screening review list', redFlags: 'Open red flags',
      agreement: 'Agreement between staff and model', byBand: 'By band', byWeek: 'By week', recent: 'Recent scores',
      needToken: 'Enter a bearer token (e.g. demo-supervisor in the local profile).', loading: 'Loading…',
      tokenInAddress: 'A token in the address is never used; it was removed. Enter it in the field.',
      loaded: 'Loaded.', failed: 'Could not load', child: 'Child', created: 'Scored', flags: 'Red flags',
      status: 'Status', decision: 'Decision', reason: 'Reason', band: 'Band', week: 'Week', n: 'Decisions',
      agreeing: 'Agreeing', overriding: 'Overriding', share: 'Share agreeing', none: 'None.',
      withheld: 'Estimate withheld', probability: 'Share of similar past cases', contributions: 'Items that moved it most',
      warnings: 'What the model could not see', decisions: 'Decisions', noDecision: 'No decision yet',
      againstBand: 'against the band', againstRedFlag: 'dismisses red flags', signOff: 'Sign-off',
      outcome: 'Outcome', needConfirmed: 'need confirmed', noNeed: 'no need confirmed', by: 'by', model: 'Model',
      prior: 'Own assessment before the score', rank: 'Rank', alreadySupported: 'Already supported', yes: 'yes', no: 'no', total: 'Total',
      no_decision: 'no decision', sign_off_pending: 'sign-off pending', sign_off_rejected: 'sign-off rejected',
      not_needed: 'not needed', pending: 'pending', signed: 'signed', rejected: 'rejected',
      outreach: 'outreach', assessment: 'assessment', monitor: 'monitor', no_action: 'no action',
      hidden: 'Hidden until your own assessment', compare: 'Own assessment · model · decision',
      ownAssessment: 'Own assessment', latestDecision: 'Decision', notRecorded: 'not recorded',
      'purpose.screening': 'screening', 'purpose.case_review': 'case review',
      'purpose.case_conference': 'case conference', 'purpose.follow_up': 'follow-up',
      'level.none': 'no concern', 'level.low': 'low', 'level.moderate': 'moderate', 'level.high': 'high',
      'support.poverty': 'poverty', 'support.neglect': 'neglect', 'support.abuse': 'abuse',
      'support.young_carer': 'young carer', 'support.school_refusal': 'school refusal',
      'entry.to_review': 'to review', 'entry.reviewed_outreach': 'reviewed: outreach',
      'entry.reviewed_no_action': 'reviewed: no action',
      'band.very_low': 'Very low', 'band.low': 'Low', 'band.moderate': 'Moderate', 'band.high': 'High',
      'band.very_high': 'Very high'
    },
    ja: {
      title: 'スーパーバイザー確認', notice: 'スコアは確認の手がかりです。判断は常に人が行います。',
      token: 'ベアラートークン', load: '読み込む', screening: 'スクリーニング確認リスト', redFlags: '未対応のレッドフラグ',
      agreement: '職員とモデルの一致', byBand: '区分別', byWeek: '週別', recent: '最近のスコア',
      needToken: 'トークンを入力してください（ローカルでは demo-supervisor）。', loading: '読み込み中…',
      tokenInAddress: 'アドレスのトークンは使いません（削除しました）。入力欄に入力してください。',
      loaded: '読み込みました。', failed: '読み込めませんでした', child: '子ども', created: '算出日時', flags: 'レッドフラグ',
      status: '状態', decision: '判断', reason: '理由', band: '区分', week: '週', n: '判断数',
      agreeing: '一致', overriding: '不一致（上書き）', share: '一致の割合', none: 'ありません。',
      withheld: '推定を保留', probability: '類似の過去事例の割合', contributions: '影響の大きい項目',
      warnings: 'モデルが見られなかったこと', decisions: '判断', noDecision: 'まだ判断がありません',
      againstBand: '区分と異なる判断', againstRedFlag: 'レッドフラグを退ける', signOff: '承認',
      outcome: '結果', needConfirmed: '支援の必要を確認', noNeed: '支援の必要は確認されず', by: '記録者', model: 'モデル',
      prior: 'スコアを見る前の職員の見立て', rank: '順位', alreadySupported: '支援中', yes: 'はい', no: 'いいえ', total: '合計',
      no_decision: '判断なし', sign_off_pending: '承認待ち', sign_off_rejected: '承認されず',
      not_needed: '不要', pending: '承認待ち', signed: '承認済み', rejected: '却下',
      outreach: 'アウトリーチ', assessment: 'アセスメント', monitor: '見守り', no_action: '対応なし',
      hidden: '本人の見立てを記録するまで非表示', compare: '本人の見立て・モデル・判断',
      ownAssessment: '本人の見立て', latestDecision: '判断', notRecorded: '未記録',
      'purpose.screening': 'スクリーニング', 'purpose.case_review': 'ケース検討',
      'purpose.case_conference': 'ケース会議', 'purpose.follow_up': 'フォローアップ',
      'level.none': '懸念なし', 'level.low': '低い', 'level.moderate': '中程度', 'level.high': '高い',
      'support.poverty': '貧困', 'support.neglect': 'ネグレクト', 'support.abuse': '虐待',
      'support.young_carer': 'ヤングケアラー', 'support.school_refusal': '不登校',
      'entry.to_review': '未確認', 'entry.reviewed_outreach': '確認済み（アウトリーチ）',
      'entry.reviewed_no_action': '確認済み（対応なし）',
      'band.very_low': '非常に低い', 'band.low': '低い', 'band.moderate': '中程度', 'band.high': '高い',
      'band.very_high': '非常に高い'
    }
  };

  // Panels in their own scripts (loaded before this one) register themselves on window.mimamoriPanels:
  // { text: { en: {...}, ja: {...} }, load: function (page) { return a promise } }. Their texts join TEXT; each
  // load gets the page's helpers (get, el, table, replace, t, label, percent, when, lang) and runs with the others.
  var panels = window.mimamoriPanels || [];
  panels.forEach(function (p) {
    Object.keys(p.text || {}).forEach(function (l) {
      TEXT[l] = TEXT[l] || {};
      Object.keys(p.text[l]).forEach(function (k) { TEXT[l][k] = p.text[l][k]; });
    });
  });

  var params = new URLSearchParams(window.location.search);
  var lang = params.get('lang') === 'ja' || params.get('lang') === 'en' ? params.get('lang')
    : (sessionStorage.getItem('mimamori.lang') ||
       ((navigator.language || '').toLowerCase().indexOf('ja') === 0 ? 'ja' : 'en'));

  function t(key) {
    return (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key;
  }

  /** The label of an id of a kind (purpose, level, support, entry, band); the id itself when unknown. */
  function label(kind, id) {
    var key = kind + '.' + id;
    return (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || String(id);
  }

  /** Builds an element; children are nodes or strings (strings become text nodes). */
  function el(tag, className, children) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }

  function table(headers, rows) {
    if (rows.length === 0) { return el('p', 'muted', [t('none')]); }
    var head = el('tr', null, headers.map(function (h) { return el('th', null, [t(h)]); }));
    return el('table', null, [el('thead', null, [head]), el('tbody', null, rows.map(function (r) {
      return el('tr', null, r.map(function (c) { return el('td', null, [c]); }));
    }))]);
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB') : '';
  }

  function percent(p) {
    return (Math.round(p * 1000) / 10) + '%';
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    document.title = 'Mimamori – ' + t('title');
  }

  function setStatus(text) { document.getElementById('status').textContent = text; }

  // The bearer token lives in this closure only: never in the address, the history, sessionStorage or
  // localStorage. Reloading the page forgets it.
  var bearer = '';

  function token() { return bearer; }

  // Every read names its purpose (recorded in the audit trail): the review page is a supervisor's reading.
  function get(path) {
    path += (path.indexOf('?') < 0 ? '?' : '&') + 'purpose=supervision';
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json',
                                    'Accept-Language': lang } })
      .then(function (r) {
        if (!r.ok) {
          // the service's problem says what is wrong in the page's language (Accept-Language above)
          return r.json().then(function (p) { throw new Error(problemText(p, r.status)); },
            function () { throw new Error('HTTP ' + r.status); });
        }
        return r.json();
      });
  }

  /** A problem's detail and each field's message, e.g. "Your role may not do this." */
  function problemText(p, status) {
    if (!p || typeof p.detail !== 'string') { return 'HTTP ' + status; }
    var fields = (p.errors || []).map(function (e) { return e.field + ': ' + e.message; });
    return p.detail + (fields.length ? ' (' + fields.join('; ') + ')' : '');
  }

  function replace(id, node) {
    var target = document.getElementById(id);
    while (target.firstChild) { target.removeChild(target.firstChild); }
    target.appendChild(node);
  }

  function decisionLine(d) {
    var tags = [el('span', 'tag', [t(d.decision)])];
    if (d.againstBand) { tags.push(el('span', 'tag against', [t('againstBand')])); }
    if (d.againstRedFlag) { tags.push(el('span', 'tag against', [t('againstRedFlag')])); }
    var li = el('li', d.againstBand || d.againstRedFlag ? 'override' : null, tags.concat([
      ' ' + t('by') + ' ' + d.decidedBy + ', ' + when(d.decidedAt)]));
    if (d.reason) { li.appendChild(el('div', 'reason', [t('reason') + ': ', el('q', null, [d.reason])])); }
    if (d.signOff && d.signOff.required) {
      li.appendChild(el('div', null, [t('signOff') + ': ' + t(d.signOff.status) +
        (d.signOff.by ? ' (' + d.signOff.by + ', ' + when(d.signOff.at) + ')' : ''),
        d.signOff.note ? el('div', 'muted', [d.signOff.note]) : null]));
    }
    return li;
  }

  /** Own assessment vs. the model's band vs. the latest decision, side by side. */
  function comparison(item) {
    var own = (item.ownAssessments || []).map(function (a) {
      return label('level', a.level) + ' (' + a.assessedBy + ')';
    });
    var latest = item.decisions.length ? item.decisions[item.decisions.length - 1] : null;
    var band = item.score.numbersHidden ? t('hidden') : item.score.band ? item.score.band.meaning : t('withheld');
    var c = el('table', 'compare', [el('tbody', null, [
      el('tr', null, [el('th', null, [t('ownAssessment')]), el('th', null, [t('model')]),
        el('th', null, [t('latestDecision')])]),
      el('tr', null, [el('td', 'own', [own.length ? own.join(', ') : t('notRecorded')]), el('td', 'band', [band]),
        el('td', 'decision', [latest ? t(latest.decision) : t('noDecision')])])])]);
    return el('div', null, [el('h4', null, [t('compare')]), c]);
  }

  function scoreCard(item) {
    var s = item.score;
    var estimate = s.numbersHidden ? el('p', 'withheld', [t('hidden')]) : s.reliable && s.band
      ? el('p', null, [t('probability') + ': ', el('strong', null, [percent(s.probability)]),
          ' (' + percent(s.interval.low) + '–' + percent(s.interval.high) + ') · ' + t('band') + ': ' +
          s.band.meaning])
      : el('p', 'withheld', [t('withheld')]);
    var top = (s.contributions || []).slice().sort(function (a, b) {
      return Math.abs(b.contribution) - Math.abs(a.contribution);
    }).slice(0, 5);
    var card = el('article', 'card', [
      el('h3', null, [s.childRef + ' · ' + when(s.createdAt)]),
      el('p', 'muted', [t('by') + ' ' + s.requestedBy + ' · ' + label('purpose', s.purpose) + ' · ' + t('model') + ' ' +
        String(s.modelVersion).substring(0, 12)]),
      estimate,
      el('h4', null, [t('contributions')]),
      el('ul', 'contributions', top.map(function (c) {
        return el('li', c.direction, [el('span', 'label', [c.label]), ' = ' + (c.state || c.value) + ' (' +
          (c.contribution > 0 ? '+' : '') + c.contribution.toFixed(2) + ')']);
      }))
    ]);
    card.setAttribute('data-score-id', s.id);
    if (s.priorAssessment) {
      card.insertBefore(el('p', null, [t('prior') + ': ' + label('level', s.priorAssessment.level) +
        (s.priorAssessment.note ? ' — ' + s.priorAssessment.note : '')]), estimate);
    }
    card.insertBefore(comparison(item), estimate);
    if ((s.redFlags || []).length > 0) {
      card.appendChild(el('h4', 'flag', [t('flags')]));
      card.appendChild(el('ul', 'flag', s.redFlags.map(function (f) {
        return el('li', null, [(f.label ? f.label + ': ' : '') + f.message]);
      })));
    }
    if ((s.warnings || []).length > 0) {
      card.appendChild(el('h4', null, [t('warnings')]));
      card.appendChild(el('ul', 'muted', s.warnings.map(function (w) { return el('li', null, [w.message]); })));
    }
    card.appendChild(el('h4', null, [t('decisions')]));
    card.appendChild(item.decisions.length === 0 ? el('p', 'muted', [t('noDecision')])
      : el('ul', 'decisions', item.decisions.map(decisionLine)));
    if (item.outcome) {
      var o = item.outcome;
      card.appendChild(el('p', null, [t('outcome') + ': ' + (o.needConfirmed ? t('needConfirmed') : t('noNeed')) +
        (o.supportTypes.length ? ' (' + o.supportTypes.map(function (x) { return label('support', x); })
          .join(', ') + ')' : '') + ', ' + o.confirmedOn + ' · ' +
        t('by') + ' ' + o.recordedBy]));
    }
    return card;
  }

  function agreementTable(rows, keyHeader) {
    return table([keyHeader, 'n', 'agreeing', 'overriding', 'share'], rows.map(function (r) {
      return [keyHeader === 'band' ? label('band', r.key) : r.key, String(r.n), String(r.agreeing), String(r.overriding), percent(r.share)];
    }));
  }

  function load() {
    if (!token()) { setStatus(t(refused ? 'tokenInAddress' : 'needToken')); return; }
    setStatus(t('loading'));
    var jobs = [
      get('/api/v1/review/red-flags').then(function (flags) {
        replace('red-flags', table(['child', 'created', 'flags', 'status', 'reason'], flags.map(function (f) {
          return [f.childRef, when(f.createdAt), f.redFlags.map(function (x) { return x.label || x.item; }).join(', '),
            t(f.status), f.decision && f.decision.reason ? f.decision.reason : ''];
        })));
      }),
      get('/api/v1/review/agreement').then(function (a) {
        replace('agreement-band', agreementTable(a.byBand, 'band'));
        replace('agreement-week', agreementTable(a.byWeek, 'week'));
      }),
      get('/api/v1/review/scores?limit=50&offset=0').then(function (page) {
        var list = el('div', null, page.items.map(scoreCard));
        list.appendChild(el('p', 'muted', [t('total') + ': ' + page.total]));
        replace('scores', list);
      })
    ];
    var page = { get: get, el: el, table: table, replace: replace, t: t, label: label, percent: percent,
                 when: when, lang: lang, params: params };
    panels.forEach(function (p) { jobs.push(p.load(page)); });
    var screening = params.get('screening');
    if (screening) {
      document.getElementById('screening-section').hidden = false;
      jobs.push(get('/api/v1/screenings/' + encodeURIComponent(screening) + '/entries').then(function (r) {
        replace('screening', table(['rank', 'child', 'probability', 'band', 'alreadySupported', 'flags', 'status'],
          r.entries.map(function (e) {
            return [e.rank === undefined || e.rank === null ? '' : String(e.rank), e.childRef,
              e.numbersHidden ? t('hidden') : e.probability === undefined || e.probability === null ? t('withheld')
              : percent(e.probability), e.band ? e.band.meaning : '', e.alreadySupported ? t('yes') : t('no'),
              (e.redFlags || []).map(function (x) { return typeof x === 'string' ? x : (x.label || x.item); })
                .join(', '), label('entry', e.status)];
          })));
      }));
    }
    Promise.all(jobs).then(function () { setStatus(t('loaded')); },
      function (e) { setStatus(t('failed') + ': ' + e.message); });
  }

  document.getElementById('token-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var field = document.getElementById('token');
    bearer = field.value.trim();
    field.value = '';
    load();
  });
  ['ja', 'en'].forEach(function (l) {
    document.getElementById('lang-' + l).addEventListener('click', function () {
      lang = l;
      sessionStorage.setItem('mimamori.lang', l);
      applyLanguage();
      load();
    });
  });

  // Tokens are never taken from the address. One found there (a link from an older version) is not used: it is
  // removed from the address bar and history at once, and the page asks for the token in the field.
  var refused = params.has('token');
  if (refused) {
    params.delete('token');
    var rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : ''));
  }
  sessionStorage.removeItem('mimamori.token');
  applyLanguage();
  load();
})();
