package dev.marquee.sample;

import java.time.LocalDate;

/** Cell formats of the sample files, independent of the default locale. */
final class CellText {

    private CellText() {
    }

    /** yyyy-MM-dd, or null (a blank cell) for null. */
    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String integer(Integer value) {
        return value == null ? null : Integer.toString(value);
    }

    /** A non-negative amount in hundredths with two decimals and a '.': 899 gives "8.99". */
    static String hundredths(long hundredths) {
        if (hundredths < 0) {
            throw new IllegalArgumentException("negative amount " + hundredths);
        }
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /** Two decimals, rounded half up. */
    static String twoDecimals(double value) {
        return hundredths(Math.round(value * 100));
    }

    /** yyyy-MM-dd HH:mm:ss from a yyyy-MM-dd date text and the second of that day. */
    static String timestamp(String dateText, int secondOfDay) {
        char[] text = new char[19];
        dateText.getChars(0, 10, text, 0);
        text[10] = ' ';
        twoDigits(text, 11, secondOfDay / 3600);
        text[13] = ':';
        twoDigits(text, 14, secondOfDay / 60 % 60);
        text[16] = ':';
        twoDigits(text, 17, secondOfDay % 60);
        return new String(text);
    }

    private static void twoDigits(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
