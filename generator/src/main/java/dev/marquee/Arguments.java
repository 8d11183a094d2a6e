package dev.marquee;

import dev.marquee.run.ReportException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subcommand's options as declared (name, value label, default, help) and the values one command line gave them.
 * Written by hand rather than with an argument library: the one we had took a sixth of a second on every start,
 * building its model of the commands by reflection, which is a fifth of the default report's budget.
 * {@code --name value} and {@code --name=value} both work; every mistake is a {@link ReportException} with exit
 * code 3 that names the option, the values it takes and the value given, and points at {@code --help}.
 */
final class Arguments {

    /** An option; {@code label} is null for a flag, which takes no value. */
    record Option(String name, String label, String defaultValue, String help) {
        static Option flag(String name, String help) {
            return new Option(name, null, null, help);
        }

        static Option value(String name, String label, String defaultValue, String help) {
            return new Option(name, label, defaultValue, help);
        }

        boolean isFlag() {
            return label == null;
        }
    }

    /** A subcommand: its name, one line of what it does, and its options. */
    record Command(String name, String description, List<Option> options) {
        Command {
            options = List.copyOf(options);
        }

        Optional<Option> option(String optionName) {
            return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
        }

        /** The help text: usage line, description, and each option with its value and default. */
        String usage() {
            StringBuilder text = new StringBuilder("Usage: marquee ").append(name).append(" [OPTIONS]\n").append(description)
                    .append("\n\nOptions:\n");
            List<String[]> rows = new ArrayList<>();
            for (Option option : options) {
                String help = option.defaultValue() == null ? option.help()
                        : option.help().replaceFirst("\\.?$", " (default: " + option.defaultValue() + ").");
                rows.add(new String[] {option.name() + (option.isFlag() ? "" : " " + option.label()), help});
            }
            rows.add(new String[] {"-h, --help", "Show this help and exit."});
            rows.add(new String[] {"-V, --version", "Print the version and exit."});
            int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 3;
            for (String[] row : rows) {
                text.append(wrap("  " + row[0] + " ".repeat(width - row[0].length()), row[1], width + 2));
            }
            return text.toString();
        }
    }

    private final Command command;
    private final Map<String, String> given;

    private Arguments(Command command, Map<String, String> given) {
        this.command = command;
        this.given = given;
    }

    /** @throws ReportException for an unknown option, a missing value, a repeated option or a stray word */
    static Arguments parse(Command command, List<String> words) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int equals = word.indexOf('=');
            String name = word.startsWith("--") && equals > 0 ? word.substring(0, equals) : word;
            Option option = command.option(name).orElseThrow(() -> mistake(command, word.startsWith("-")
                    ? "unknown option " + name : "unexpected argument '" + word + "'"));
            String value;
            if (option.isFlag()) {
                if (equals > 0 && word.startsWith("--")) {
                    throw mistake(command, name + " takes no value");
                }
                value = "true";
            } else if (equals > 0 && word.startsWith("--")) {
                value = word.substring(equals + 1);
            } else if (i + 1 < words.size() && !(words.get(i + 1).startsWith("--") && command.option(words.get(i + 1)).isPresent())) {
                value = words.get(++i);
            } else {
                throw mistake(command, name + " needs a value: " + name + " " + option.label());
            }
            if (given.put(name, value) != null) {
                throw mistake(command, name + " is given twice");
            }
        }
        return new Arguments(command, given);
    }

    /** The value given, or the option's default; empty when neither. */
    Optional<String> text(String name) {
        Option option = declared(name);
        return Optional.ofNullable(given.getOrDefault(name, option.defaultValue()));
    }

    /** The value given, or the default; fails naming the option when it has neither. */
    String required(String name) {
        return text(name).orElseThrow(() -> mistake(command, name + " is required: " + name + " " + declared(name).label()));
    }

    boolean flag(String name) {
        declared(name);
        return given.containsKey(name);
    }

    Optional<Path> path(String name) {
        return text(name).map(Path::of);
    }

    /** The date given or the default, from {@code first} to {@code last}. */
    Optional<LocalDate> date(String name, LocalDate first, LocalDate last) {
        return text(name).map(value -> {
            String range = name + " must be a date YYYY-MM-DD from " + first + " to " + last + ", got " + value;
            try {
                LocalDate date = LocalDate.parse(value);
                if (date.isBefore(first) || date.isAfter(last)) {
                    throw mistake(command, range);
                }
                return date;
            } catch (DateTimeParseException e) {
                throw mistake(command, range);
            }
        });
    }

    /** The whole number given or the default, from {@code min} to {@code max}. */
    long whole(String name, long min, long max) {
        String value = required(name);
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Not a number, or beyond a long: the same message as out of range.
        }
        throw mistake(command, name + " must be a whole number from " + min + " to " + max + ", got " + value);
    }

    /** The number given or the default, from {@code min} to {@code max}; never NaN or infinite. */
    double decimal(String name, double min, double max) {
        String value = required(name);
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // As above.
        }
        throw mistake(command, name + " must be a number from " + plain(min) + " to " + plain(max) + ", got " + value);
    }

    private static String plain(double number) {
        return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private Option declared(String name) {
        return command.option(name).orElseThrow(() -> new IllegalArgumentException(command.name() + " has no option " + name));
    }

    private static ReportException mistake(Command command, String what) {
        return new ReportException(ReportException.CONFIG_PROBLEM, command.name() + ": " + what
                + " (see marquee " + command.name() + " --help)");
    }

    /** {@code first} then {@code text}, wrapped at 100 columns with continuation lines indented to {@code indent}. */
    static String wrap(String first, String text, int indent) {
        StringBuilder out = new StringBuilder(first);
        int column = first.length();
        for (String word : text.split(" ")) {
            if (column > indent && column + 1 + word.length() > 100) {
                out.append('\n').append(" ".repeat(indent));
                column = indent;
            } else if (column > first.length() || column > indent) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.append('\n').toString();
    }
}
