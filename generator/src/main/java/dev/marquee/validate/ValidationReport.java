package dev.marquee.validate;

import dev.marquee.model.Problem;
import dev.marquee.model.SetAside;

import java.util.List;

/**
 * The data as the report will use it: per-table counts, what was set aside and why, and every problem found.
 * {@link #fatal()} lists the problems that stop the run.
 */
public record ValidationReport(List<TableQuality> tables, List<SetAside> setAside, List<Problem> problems) {

    public ValidationReport {
        tables = List.copyOf(tables);
        setAside = List.copyOf(setAside);
        problems = List.copyOf(problems);
    }

    public List<Problem> fatal() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.FATAL).toList();
    }

    public List<Problem> notes() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.NOTE).toList();
    }

    public List<Problem> setAsideSample() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.SET_ASIDE).toList();
    }

    public long rowsSetAside() {
        return tables.stream().mapToLong(TableQuality::rowsSetAside).sum();
    }
}
