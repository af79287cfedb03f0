/**
 * The model card: what a trained model is and is not, how well it did on held-out cases, how it treats
 * audit groups, what moves its scores and what it cannot see, written for supervisors and auditors.
 *
 * <p>{@link org.mimamori.training.card.ModelCard} builds one {@link org.mimamori.training.card.CardDocument}
 * per language (English, Japanese) from a {@link org.mimamori.training.pipeline.TrainedModel} (one class per group
 * of sections) and renders each twice, as Markdown and as self-contained HTML, so both always say the same thing.
 * Every sentence that depends on the domain comes from the schema or its
 * {@link org.mimamori.training.card.CardTemplate}. The plots are drawn with the small
 * {@link org.mimamori.training.card.Plot} helper in the font the tool ships. Everything is deterministic: the same
 * model gives the same bytes on any machine.
 */
package org.mimamori.training.card;
