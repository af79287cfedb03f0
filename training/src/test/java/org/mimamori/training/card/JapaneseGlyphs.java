package org.mimamori.training.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Checks by pixels, not by a flag, that a card plot shows Japanese glyphs: its title band must be what the plot
 * draws for the expected Japanese title, and must differ from what it draws when every Japanese character is
 * replaced by one the font does not have (the missing-glyph box). A plot whose font lacked Japanese would draw
 * boxes for the real title too, and so match the second picture.
 */
final class JapaneseGlyphs {

    /** The band of a plot that holds its title. */
    static final int TITLE_BAND = 34;

    private JapaneseGlyphs() {
    }

    static void assertTitleDrawn(byte[] png, String title) throws IOException {
        assertThat(title).as("the title has Japanese").containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
        BufferedImage card = decode(png);
        BufferedImage expected = decode(new Plot(title).png());
        BufferedImage boxes = decode(new Plot(title.replaceAll("[\\u3040-\\u30ff\\u4e00-\\u9fff]", "\uE000")).png());
        int ink = ink(card);
        assertThat(ink).as("ink in the title band").isGreaterThan(300);
        assertThat(differing(card, expected)).as("pixels differing from the title drawn with the font").isZero();
        assertThat(differing(card, boxes)).as("pixels differing from missing-glyph boxes").isGreaterThan(ink / 4);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int ink(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < TITLE_BAND; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == 0xffffff ? 0 : 1;
            }
        }
        return n;
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < TITLE_BAND; y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) == b.getRGB(x, y) ? 0 : 1;
            }
        }
        return n;
    }
}
