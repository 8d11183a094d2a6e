package dev.marquee;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publishing workflow: its triggers, least-privilege permissions, and the README's own commands. */
@SuppressWarnings("unchecked")
class WorkflowTest {

    private static Map<String, Object> workflow;
    private static String generateCommand;
    private static String testCommand;

    @BeforeAll
    static void read() {
        workflow = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Fixtures.read(Fixtures.ROOT.resolve(".github/workflows/report.yml")));
        String readme = Fixtures.read(Fixtures.ROOT.resolve("README.md"));
        Matcher generate = Pattern.compile("\\| Generate the site and PDF[^|]*\\| `([^`]+)` \\|").matcher(readme);
        Matcher test = Pattern.compile("\\| Run the tests \\| `([^`]+)` \\|").matcher(readme);
        assertTrue(generate.find() && test.find(), "the README's set-up table names both commands");
        generateCommand = generate.group(1);
        testCommand = test.group(1);
    }

    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<String> runSteps(String job) {
        List<String> runs = new ArrayList<>();
        for (Object step : (List<Object>) map(map(workflow.get("jobs")).get(job)).get("steps")) {
            Object run = map(step).get("run");
            if (run != null) {
                runs.add(run.toString().trim());
            }
        }
        return runs;
    }

    @Test
    void triggers_pushOfDataOrCode_weeklySchedule_andManualRunWithAnAsOfDate() {
        // SnakeYAML (YAML 1.1) reads the key "on" as the boolean true.
        Map<String, Object> on = map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE));
        List<String> paths = (List<String>) map(on.get("push")).get("paths");
        assertTrue(paths.containsAll(List.of("data/**", "questions/**", "templates/**", "generator/**")), paths.toString());
        assertEquals(List.of("main"), map(on.get("push")).get("branches"));
        String cron = map(((List<Object>) on.get("schedule")).get(0)).get("cron").toString();
        assertEquals("0 6 * * 1", cron, "Monday morning");
        Map<String, Object> asOf = map(map(map(on.get("workflow_dispatch")).get("inputs")).get("as_of"));
        assertEquals(false, asOf.get("required"));
    }

    @Test
    void permissions_areLeastPrivilege_andDeploysNeverOverlap() {
        assertEquals(Map.of("contents", "read"), workflow.get("permissions"));
        Map<String, Object> jobs = map(workflow.get("jobs"));
        assertFalse(map(jobs.get("build")).containsKey("permissions"), "the build job keeps contents: read");
        assertEquals(Map.of("pages", "write", "id-token", "write"), map(jobs.get("deploy")).get("permissions"));
        assertEquals("build", map(jobs.get("deploy")).get("needs"), "no deploy unless the tests and validation passed");
        assertEquals(Map.of("group", "pages", "cancel-in-progress", false), workflow.get("concurrency"));
    }

    @Test
    void buildJob_runsTheReadmesTestAndGenerateCommands_afterValidation() {
        List<String> runs = runSteps("build");

        int validate = indexOf(runs, "generator/target/marquee validate");
        int tests = runs.indexOf(testCommand);
        int generate = indexOf(runs, generateCommand);
        assertTrue(tests >= 0, "a step runs exactly " + testCommand + ": " + runs);
        assertTrue(generate >= 0, "a step runs " + generateCommand);
        assertTrue(validate < tests && tests < generate, "validate, then test, then generate");
        assertTrue(runs.get(generate).startsWith(generateCommand), runs.get(generate));
        assertTrue(runs.get(validate).contains("GITHUB_STEP_SUMMARY"), "validation problems go to the job summary");
    }

    private static int indexOf(List<String> runs, String text) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void pdf_isKeptAsAnArtifact_andMailedOnlyWhenConfigured() {
        String text = Fixtures.read(Fixtures.ROOT.resolve(".github/workflows/report.yml"));
        assertTrue(text.contains("path: site/report.pdf") && text.contains("retention-days: 90"));
        assertTrue(text.contains("if: env.SMTP_SERVER != '' && env.REPORT_RECIPIENTS != ''"));
        assertTrue(text.contains("uses: actions/deploy-pages@v4") && text.contains("uses: actions/upload-pages-artifact@v3"));
    }
}
