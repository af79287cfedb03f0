"""The generated Python client (mimamori_client) against the running service, over real HTTP.

Run by run_it.py, which starts the service and sets MIMAMORI_URL. Every call goes through the generated
client: its request models, its serialisation, its typed answers and its ApiException for problems.
"""
import datetime
import json
import os
import time
import unittest
import urllib.error
import urllib.request

import mimamori_client as mc
import pydantic
from mimamori_client.models import (AccessPurpose, DecisionKind, DecisionRequest, EntryStatus, OutcomeRequest, Purpose,
                                    ScoreRequest, ScreeningEntryUpdate, SupportType)

URL = os.environ.get("MIMAMORI_URL", "http://127.0.0.1:8080")
WORK = os.environ.get("MIMAMORI_IT_WORK", ".")

# The README's case.
CASE = {"age_years": 9, "household_size": 3, "single_parent": True, "moves_last_3_years": 1,
        "public_assistance": False, "child_rearing_allowance": True, "vaccinations_missed": 0,
        "absence_days_term": 12, "school_expense_aid": True, "lunch_fee_arrears_months": 3,
        "prior_consultations": 1, "prior_abuse_reports": 0, "prior_temporary_protection": False,
        "infant_checkups_missed": "not_applicable", "dv_consultation": "unknown"}


_clients = {}


def client(token):
    """One generated ApiClient (with its connection pool) per bearer token."""
    if token not in _clients:
        _clients[token] = mc.ApiClient(mc.Configuration(host=URL, access_token=token))
    return _clients[token]


def tearDownModule():
    for c in _clients.values():
        c.close()


def problem(e):
    """The RFC 9457 problem of an ApiException, as a dict."""
    return json.loads(e.body)


class ScoringTest(unittest.TestCase):
    def setUp(self):
        self.scores = mc.ScoresApi(client("demo-caseworker"))

    def test_scores_the_readme_case_with_an_exact_explanation(self):
        s = self.scores.create_score(ScoreRequest(childRef="C-2024-000123", purpose=Purpose.CASE_REVIEW, items=CASE),
                                     accept_language="en")
        self.assertTrue(s.reliable)
        self.assertGreater(s.probability, 0.0)
        self.assertLess(s.probability, 1.0)
        self.assertLessEqual(s.interval.low, s.probability)
        self.assertGreaterEqual(s.interval.high, s.probability)
        self.assertIn(s.band.review, ("outreach", "consider", "routine"))
        self.assertEqual(s.purpose, Purpose.CASE_REVIEW)
        self.assertEqual(s.requested_by, "demo-caseworker")
        # baseline + Σ contributions + unrecorded = logit, exactly (up to rounding of the JSON numbers)
        total = s.baseline + sum(c.contribution for c in s.contributions) + s.unrecorded.contribution
        self.assertAlmostEqual(total, s.logit, places=9)
        self.assertIn("absence_days_term", [c.item for c in s.contributions])
        self.assertIn("dv_consultation", s.unrecorded.items)
        self.assertNotIn("single_parent", [c.item for c in s.contributions], "audit-group items never score")

        again = self.scores.get_score(s.id, AccessPurpose.CASE_REVIEW)
        self.assertEqual(again.id, s.id)
        self.assertEqual(again.probability, s.probability)
        self.assertEqual(again.contributions, s.contributions)

    def test_japanese_labels(self):
        s = self.scores.create_score(ScoreRequest(childRef="C-2024-000124", purpose=Purpose.SCREENING, items=CASE),
                                     accept_language="ja")
        self.assertEqual(s.language, "ja")
        label = next(c.label for c in s.contributions if c.item == "absence_days_term")
        self.assertEqual(label, "今学期の欠席日数")

    def test_bad_input_is_a_problem_naming_each_field(self):
        items = dict(CASE, age_years=25, no_such_item=1)
        with self.assertRaises(mc.ApiException) as caught:
            self.scores.create_score(ScoreRequest(childRef="C-2024-000125", purpose=Purpose.CASE_REVIEW, items=items))
        self.assertEqual(caught.exception.status, 400)
        fields = [e["field"] for e in problem(caught.exception)["errors"]]
        self.assertIn("items.age_years", fields)
        self.assertIn("items.no_such_item", fields)

    def test_unknown_token_is_401_and_analyst_may_not_score(self):
        with self.assertRaises(mc.ApiException) as caught:
            mc.ScoresApi(client("not-a-token")).create_score(
                ScoreRequest(childRef="C-2024-000126", purpose=Purpose.CASE_REVIEW, items=CASE))
        self.assertEqual(caught.exception.status, 401)
        with self.assertRaises(mc.ApiException) as caught:
            mc.ScoresApi(client("demo-analyst")).create_score(
                ScoreRequest(childRef="C-2024-000126", purpose=Purpose.CASE_REVIEW, items=CASE))
        self.assertEqual(caught.exception.status, 403)

    def test_decision_against_the_band_needs_a_reason_and_an_outcome_is_recorded_once(self):
        s = self.scores.create_score(ScoreRequest(childRef="C-2024-000127", purpose=Purpose.CASE_REVIEW, items=CASE))
        decisions = mc.DecisionsApi(client("demo-caseworker"))
        against = DecisionKind.NO_ACTION if s.band.review == "outreach" else DecisionKind.OUTREACH
        with self.assertRaises(mc.ApiException) as caught:
            decisions.create_decision(s.id, DecisionRequest(decision=against))
        self.assertEqual(caught.exception.status, 400)
        self.assertIn("reason", [e["field"] for e in problem(caught.exception)["errors"]])
        d = decisions.create_decision(s.id, DecisionRequest(decision=against, reason="Seen at home; stable term."))
        self.assertTrue(d.against_band)

        today = datetime.date.today()
        o = decisions.record_outcome(s.id, OutcomeRequest(needConfirmed=True, supportTypes=[SupportType.POVERTY],
                                                          confirmedOn=today))
        self.assertTrue(o.need_confirmed)
        with self.assertRaises(mc.ApiException) as caught:
            decisions.record_outcome(s.id, OutcomeRequest(needConfirmed=False, confirmedOn=today))
        self.assertEqual(caught.exception.status, 409)


    def test_a_read_names_its_purpose(self):
        s = self.scores.create_score(ScoreRequest(childRef="C-2024-000128", purpose=Purpose.CASE_REVIEW, items=CASE))
        # the generated client requires the parameter, and the service refuses a read without it
        with self.assertRaises((TypeError, pydantic.ValidationError)):
            self.scores.get_score(s.id)
        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(urllib.request.Request(f"{URL}/api/v1/scores/{s.id}",
                                                          headers={"Authorization": "Bearer demo-caseworker"}))
        self.assertEqual(400, caught.exception.code)
        self.assertIn("purpose", [e["field"] for e in json.loads(caught.exception.read())["errors"]])


class ModelsTest(unittest.TestCase):
    def test_one_model_is_active(self):
        models = mc.ModelsApi(client("demo-supervisor")).list_models(AccessPurpose.SUPERVISION)
        self.assertEqual(1, sum(1 for m in models if m.active))
        self.assertEqual("child-support-v1", models[0].schema_id)


COHORT = """child_ref,age_years,household_size,single_parent,absence_days_term,lunch_fee_arrears_months,prior_consultations,child_asked_for_help,already_supported
K-0001,9,3,1,12,3,1,0,0
K-0002,12,4,0,0,0,0,0,0
K-0003,15,2,1,25,6,3,0,1
K-0004,7,5,0,1,0,0,1,0
"""


class ScreeningTest(unittest.TestCase):
    def test_screens_a_cohort_and_reviews_an_entry(self):
        path = os.path.join(WORK, "cohort.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(COHORT)
        screenings = mc.ScreeningsApi(client("demo-supervisor"))
        accepted = screenings.create_screening(path)
        deadline = time.monotonic() + 120
        while True:
            sc = screenings.get_screening(accepted.id, AccessPurpose.SCREENING)
            if sc.status.value in ("done", "failed") or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        self.assertEqual("done", sc.status.value)
        self.assertEqual(4, sc.total)
        self.assertEqual(4, sc.scored)
        self.assertEqual(4, sum(sc.counts_by_band.values()))
        self.assertEqual(1, sc.red_flagged)

        page = screenings.list_screening_entries(accepted.id, AccessPurpose.SCREENING, limit=10)
        entries = page.entries
        self.assertEqual(4, len(entries))
        self.assertEqual("K-0004", entries[0].child_ref, "red-flagged children come first")
        self.assertTrue(entries[0].red_flags)
        ranked = [e.probability for e in entries[1:] if e.probability is not None]
        self.assertEqual(sorted(ranked, reverse=True), ranked)
        self.assertEqual([1, 2, 3, 4], [e.rank for e in entries])

        updated = mc.ScreeningsApi(client("demo-caseworker")).update_screening_entry(
            accepted.id, entries[0].id, ScreeningEntryUpdate(status=EntryStatus.REVIEWED_OUTREACH))
        self.assertEqual(EntryStatus.REVIEWED_OUTREACH, updated.status)
        self.assertEqual("demo-caseworker", updated.reviewed_by)

    def test_a_cohort_with_the_training_label_is_refused_by_column(self):
        path = os.path.join(WORK, "labelled.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("child_ref,age_years,need_confirmed_12m\nK-0009,9,1\n")
        with self.assertRaises(mc.ApiException) as caught:
            mc.ScreeningsApi(client("demo-supervisor")).create_screening(path)
        self.assertEqual(caught.exception.status, 400)
        self.assertIn("file.columns.need_confirmed_12m", [e["field"] for e in problem(caught.exception)["errors"]])


if __name__ == "__main__":
    unittest.main()
