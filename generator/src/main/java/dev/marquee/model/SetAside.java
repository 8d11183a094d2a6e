package dev.marquee.model;

/** How many rows of a table were set aside for breaking one rule (of one column). */
public record SetAside(String table, String file, String rule, String column, long rows) {
}
