package dev.marquee.format;

/**
 * Whether something the reader sees is good news, bad news, neither, or cannot be said (a KPI's change, a line of the
 * digest, a target's status): decided where the figure is computed, coloured by each layout (the site's CSS classes,
 * the PDF's palette colours). The words always say the same as the colour.
 */
public enum Tone {
    GOOD, BAD, FLAT, NOT_COMPARED
}
