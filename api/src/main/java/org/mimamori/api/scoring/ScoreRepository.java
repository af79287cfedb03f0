package org.mimamori.api.scoring;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Reads {@code score} rows (written by {@link ScoreCommits} and {@link BatchScoreRecorder}). */
interface ScoreRepository extends Repository<ScoreRow, String> {

    Optional<ScoreRow> findById(String id);
}
