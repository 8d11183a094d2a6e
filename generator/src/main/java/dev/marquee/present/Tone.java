package dev.marquee.present;

/**
 * Whether something the reader sees is good news, bad news, neither, or cannot be said: decided once here, coloured by
 * each layout (the site's CSS classes, the PDF's palette colours). The words always say the same as the colour.
 */
public enum Tone {
    GOOD, BAD, FLAT, NOT_COMPARED
}
