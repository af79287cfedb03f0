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
      outreach: 'outreach', assessment: 'assessment', monitor: 'monitor', no_action: 'no action'
    },
    ja: {
      title: 'スーパーバイザー確認', notice: 'スコアは確認の手がかりです。判断は常に人が行います。',
      token: 'ベアラートークン', load: '読み込む', screening: 'スクリーニング確認リスト', redFlags: '未対応のレッドフラグ',
      agreement: '職員とモデルの一致', byBand: '区分別', byWeek: '週別', recent: '最近のスコア',
      needToken: 'トークンを入力してください（ローカルでは demo-supervisor）。', loading: '読み込み中…',
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
      outreach: 'アウトリーチ', assessment: 'アセスメント', monitor: '見守り', no_action: '対応なし'
    }
  };

  var params = new URLSearchParams(window.location.search);
  var lang = params.get('lang') === 'ja' || params.get('lang') === 'en' ? params.get('lang')
    : (sessionStorage.getItem('mimamori.lang') ||
       ((navigator.language || '').toLowerCase().indexOf('ja') === 0 ? 'ja' : 'en'));

  function t(key) {
    return (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key;
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

  function token() { return sessionStorage.getItem('mimamori.token') || ''; }

  function get(path) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json',
                                    'Accept-Language': lang } })
      .then(function (r) {
        if (!r.ok) { throw new Error(path + ': HTTP ' + r.status); }
        return r.json();
      });
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

  function scoreCard(item) {
    var s = item.score;
    var estimate = s.reliable && s.band
      ? el('p', null, [t('probability') + ': ', el('strong', null, [percent(s.probability)]),
          ' (' + percent(s.interval.low) + '–' + percent(s.interval.high) + ') · ' + t('band') + ': ' +
          s.band.meaning])
      : el('p', 'withheld', [t('withheld')]);
    var top = (s.contributions || []).slice().sort(function (a, b) {
      return Math.abs(b.contribution) - Math.abs(a.contribution);
    }).slice(0, 5);
    var card = el('article', 'card', [
      el('h3', null, [s.childRef + ' · ' + when(s.createdAt)]),
      el('p', 'muted', [t('by') + ' ' + s.requestedBy + ' · ' + s.purpose + ' · ' + t('model') + ' ' +
        String(s.modelVersion).substring(0, 12)]),
      estimate,
      el('h4', null, [t('contributions')]),
      el('ul', 'contributions', top.map(function (c) {
        return el('li', c.direction, [el('span', 'label', [c.label]), ' = ' + c.value + ' (' +
          (c.contribution > 0 ? '+' : '') + c.contribution.toFixed(2) + ')']);
      }))
    ]);
    card.setAttribute('data-score-id', s.id);
    if (s.priorAssessment) {
      card.insertBefore(el('p', null, [t('prior') + ': ' + s.priorAssessment.level +
        (s.priorAssessment.note ? ' — ' + s.priorAssessment.note : '')]), estimate);
    }
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
        (o.supportTypes.length ? ' (' + o.supportTypes.join(', ') + ')' : '') + ', ' + o.confirmedOn + ' · ' +
        t('by') + ' ' + o.recordedBy]));
    }
    return card;
  }

  function agreementTable(rows, keyHeader) {
    return table([keyHeader, 'n', 'agreeing', 'overriding', 'share'], rows.map(function (r) {
      return [r.key, String(r.n), String(r.agreeing), String(r.overriding), percent(r.share)];
    }));
  }

  function load() {
    if (!token()) { setStatus(t('needToken')); return; }
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
    var screening = params.get('screening');
    if (screening) {
      document.getElementById('screening-section').hidden = false;
      jobs.push(get('/api/v1/screenings/' + encodeURIComponent(screening) + '/entries').then(function (r) {
        replace('screening', table(['rank', 'child', 'probability', 'band', 'alreadySupported', 'flags', 'status'],
          r.entries.map(function (e) {
            return [String(e.rank), e.childRef, e.probability === undefined || e.probability === null ? t('withheld')
              : percent(e.probability), e.band ? e.band.meaning : '', e.alreadySupported ? t('yes') : t('no'),
              (e.redFlags || []).map(function (x) { return typeof x === 'string' ? x : (x.label || x.item); })
                .join(', '), String(e.status || '')];
          })));
      }));
    }
    Promise.all(jobs).then(function () { setStatus(t('loaded')); },
      function (e) { setStatus(t('failed') + ': ' + e.message); });
  }

  document.getElementById('token-form').addEventListener('submit', function (e) {
    e.preventDefault();
    sessionStorage.setItem('mimamori.token', document.getElementById('token').value.trim());
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

  // A token in the address (for demonstrations: /review?token=demo-supervisor) is moved to sessionStorage and
  // removed from the address bar and history.
  if (params.get('token')) {
    sessionStorage.setItem('mimamori.token', params.get('token'));
    params.delete('token');
    var rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : ''));
  }
  document.getElementById('token').value = token();
  applyLanguage();
  load();
})();
