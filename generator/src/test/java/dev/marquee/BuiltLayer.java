package dev.marquee;

import dev.marquee.catalog.Catalog;
import dev.marquee.catalog.QuerySource;
import dev.marquee.catalog.Question;
import dev.marquee.config.Config;
import dev.marquee.engine.Engine;
import dev.marquee.layer.Layer;
import dev.marquee.load.DataLoader;
import dev.marquee.load.LoadResult;
import dev.marquee.model.DataModel;
import dev.marquee.query.Parameters;
import dev.marquee.query.Statements;
import dev.marquee.run.Background;
import dev.marquee.validate.Validator;

import java.nio.file.Path;
import java.util.List;

/**
 * A data folder as the pipeline makes it ready for the questions, on an engine the caller owns: loaded, validated, the
 * project's questions read and bound to the parameters, and the member and title layer built. For tests that run the
 * statements themselves rather than a whole report.
 */
public record BuiltLayer(List<Question> questions, Statements.Bound sql) {

    public static BuiltLayer of(Engine engine, Path data, Parameters parameters, Path scratch) {
        try (Background background = Background.open()) {
            DataModel model = DataModel.standard();
            LoadResult loaded = DataLoader.load(background, data, model, engine, scratch);
            Validator.validate(background, engine, loaded, parameters.asOf(), Config.defaults().maxBadRowShare());
            List<Question> questions = Catalog.read(Fixtures.QUESTIONS, Layer.standard().withModelTables(model.tableNames()),
                    Layer.standard().withMemberTables(model.memberTables()));
            Statements.Bound sql = Statements.expand(engine.dialect(), questions, Layer.standard().definitions()).bind(parameters);
            Layer.standard().build(background, engine, sql);
            return new BuiltLayer(questions, sql);
        }
    }

    /** The SQL of a question's statement as bound, by "question/statement". */
    public String statement(String question, String name) {
        QuerySource query = questions.stream().filter(q -> q.slug().equals(question)).findFirst().orElseThrow()
                .queries().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
        return sql.sql(query);
    }
}
