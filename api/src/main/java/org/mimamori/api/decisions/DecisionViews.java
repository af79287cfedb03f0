package org.mimamori.api.decisions;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import org.mimamori.api.web.dto.Decision;
import org.mimamori.api.web.dto.DecisionKind;
import org.mimamori.api.web.dto.Outcome;
import org.mimamori.api.web.dto.SignOff;
import org.mimamori.api.web.dto.SupportType;

/** Decision and outcome rows as the contract's types. */
public final class DecisionViews {

    private DecisionViews() {
    }

    /**
     * @param r a decision row
     * @return the decision as the contract gives it
     */
    public static Decision view(DecisionRow r) {
        SignOff signOff = new SignOff(!r.signOffStatus().equals("not_needed"),
                SignOff.StatusEnum.fromValue(r.signOffStatus())).by(r.signOffBy()).note(r.signOffNote())
                .at(r.signOffAt() == null ? null : r.signOffAt().atOffset(ZoneOffset.UTC));
        return new Decision(UUID.fromString(r.id()), UUID.fromString(r.scoreId()),
                DecisionKind.fromValue(r.decision()), r.decidedBy(), r.decidedAt().atOffset(ZoneOffset.UTC),
                r.againstBand(), r.againstRedFlag(), signOff)
                .reason(r.reason()).dismissesRedFlags(r.dismissesRedFlags()).band(r.band());
    }

    /**
     * @param r an outcome row
     * @return the outcome as the contract gives it
     */
    public static Outcome view(OutcomeRow r) {
        return new Outcome(UUID.fromString(r.id()), UUID.fromString(r.scoreId()), r.needConfirmed(),
                r.supportTypes().isEmpty() ? java.util.List.of()
                        : Arrays.stream(r.supportTypes().split(",")).map(SupportType::fromValue).toList(),
                r.confirmedOn(), r.recordedBy(), r.recordedAt().atOffset(ZoneOffset.UTC));
    }
}
