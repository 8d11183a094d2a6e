package dev.marquee.query;

import dev.marquee.catalog.QuerySource;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Dialect;
import dev.marquee.model.Problem;
import dev.marquee.run.ReportException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every statement of a run (the questions' and the layer's), expanded once for the engine's dialect: cross-engine
 * functions written out, placeholders located, and the questions' text checked (portable, expands). Only names
 * matter here, so this runs while the data loads. {@link #bind} then fills the placeholders with a set of parameters,
 * once per set: the run, its {@code when} statements, its model, the layer and every slice run the one bound SQL, and
 * the SQL a page shows is the SQL that ran.
 */
public final class Statements {

    private final Map<QuerySource, SqlTemplate> templates;
    /** Each question's text problems, by slug, in its statements' order. */
    private final Map<String, List<Problem>> textProblems;
    private final Map<Parameters, Bound> bound = new ConcurrentHashMap<>();

    private Statements(Map<QuerySource, SqlTemplate> templates, Map<String, List<Problem>> textProblems) {
        this.templates = templates;
        this.textProblems = textProblems;
    }

    /** The questions' statements and {@code others} (the layer's definitions), expanded for {@code dialect}. */
    public static Statements expand(Dialect dialect, List<Question> questions, List<QuerySource> others) {
        Map<QuerySource, SqlTemplate> templates = new LinkedHashMap<>();
        Map<String, List<Problem>> textProblems = new LinkedHashMap<>();
        for (Question question : questions) {
            List<Problem> problems = new ArrayList<>();
            for (QuerySource query : question.queries()) {
                Portability.check(query, problems);
                SqlTemplate template = SqlTemplate.expand(query, dialect);
                problems.addAll(template.problems());
                templates.put(query, template);
            }
            textProblems.put(question.slug(), problems);
        }
        for (QuerySource query : others) {
            templates.put(query, SqlTemplate.expand(query, dialect));
        }
        return new Statements(templates, textProblems);
    }

    /** The text problems of these questions (matched by slug: a question may come back with fewer charts, its statements the same). */
    List<Problem> textProblems(List<Question> questions) {
        Set<String> slugs = questions.stream().map(Question::slug).collect(Collectors.toSet());
        return textProblems.entrySet().stream().filter(e -> slugs.contains(e.getKey())).flatMap(e -> e.getValue().stream()).toList();
    }

    /** Every statement with these parameters filled in: bound once per set of parameters, then the same for every caller. */
    public Bound bind(Parameters parameters) {
        return bound.computeIfAbsent(parameters, p -> {
            Map<String, String> literals = p.literals();
            Map<QuerySource, String> sql = new LinkedHashMap<>();
            templates.forEach((query, template) -> sql.put(query, template.bind(p, literals)));
            return new Bound(this, p, sql);
        });
    }

    /** The statements as one set of parameters fills them. */
    public static final class Bound {
        private final Statements statements;
        private final Parameters parameters;
        private final Map<QuerySource, String> sql;

        private Bound(Statements statements, Parameters parameters, Map<QuerySource, String> sql) {
            this.statements = statements;
            this.parameters = parameters;
            this.sql = sql;
        }

        public Parameters parameters() {
            return parameters;
        }

        /**
         * A statement's SQL for this engine and run.
         *
         * @throws ReportException listing its unknown functions and parameters, if any
         */
        public String sql(QuerySource query) {
            List<Problem> problems = template(query).problems();
            if (!problems.isEmpty()) {
                throw ReportException.of(ReportException.QUESTION_PROBLEM, "A question failed", problems);
            }
            return sql.get(query);
        }

        /** A statement's SQL with NULL for its unknown functions and parameters (reported by the text check). */
        String asExpanded(QuerySource query) {
            template(query);
            return sql.get(query);
        }

        private SqlTemplate template(QuerySource query) {
            SqlTemplate template = statements.templates.get(query);
            if (template == null) {
                throw new IllegalArgumentException("statement '" + query.name() + "' of " + query.file() + " was not expanded for this run");
            }
            return template;
        }
    }
}
