package dev.marquee;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publishing workflow: its triggers, least-privilege permissions, the README's own commands, and how an edition is
 * carried to the next run (the branch marquee-editions). The steps that decide something (whether there is a previous
 * edition, what the mail says) are run here with bash, as the runner runs them, on folders made for the case.
 */
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

    private static Map<String, Object> job(String name) {
        return map(map(workflow.get("jobs")).get(name));
    }

    private static List<Map<String, Object>> steps(String job) {
        return (List<Map<String, Object>>) job(job).get("steps");
    }

    /** The step of a job with this id, that uses this action (e.g. "dawidd6/action-send-mail"), or whose name starts so. */
    private static Map<String, Object> step(String job, String idOrAction) {
        for (Map<String, Object> step : steps(job)) {
            if (idOrAction.equals(step.get("id")) || String.valueOf(step.get("uses")).startsWith(idOrAction + "@")
                    || String.valueOf(step.get("name")).startsWith(idOrAction)) {
                return step;
            }
        }
        throw new AssertionError("no step " + idOrAction + " in the job " + job);
    }

    /** The step of a job that uploads or downloads the artifact of this name. */
    private static Map<String, Object> artifactStep(String job, String artifact) {
        for (Map<String, Object> step : steps(job)) {
            if (step.containsKey("with") && artifact.equals(map(step.get("with")).get("name"))
                    && String.valueOf(step.get("uses")).matches("actions/(upload|download)-artifact@.*")) {
                return step;
            }
        }
        throw new AssertionError("no step of the job " + job + " moves the artifact " + artifact);
    }

    private static List<String> runSteps(String job) {
        List<String> runs = new ArrayList<>();
        for (Map<String, Object> step : steps(job)) {
            Object run = step.get("run");
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
        assertTrue(paths.containsAll(List.of("data/**", "questions/**", "templates/**", "generator/**", "*.yaml")),
                paths.toString());
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
        assertEquals(List.of("build", "keep-edition"), map(jobs.get("deploy")).get("needs"),
                "no deploy unless the tests and validation passed and the edition is kept for the next run");
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
        Map<String, Object> pdf = map(artifactStep("build", "report-pdf").get("with"));
        assertEquals(List.of("site/report.pdf", "site/digest.md", "site/digest-subject.txt", "site/slices/*/report.pdf",
                "site/slices/recipients.json"), List.of(pdf.get("path").toString().trim().split("\n")));
        assertEquals(90, pdf.get("retention-days"));
        assertTrue(text.contains("if: env.SMTP_SERVER != '' && env.REPORT_RECIPIENTS != ''"));
        assertTrue(text.contains("uses: actions/deploy-pages@v4") && text.contains("uses: actions/upload-pages-artifact@v3"));
        assertEquals("report.pdf", map(step("notify", "dawidd6/action-send-mail").get("with")).get("attachments"));
    }

    // --- Editions: the previous edition comes from the branch marquee-editions, which only keep-edition writes. ---

    @Test
    void keepEdition_isTheOnlyJobThatMayWriteToTheRepository_andRunsOnlyAfterDeploy() {
        List<String> writers = new ArrayList<>();
        map(workflow.get("jobs")).forEach((name, job) -> {
            Object permissions = map(job).get("permissions");
            if (permissions instanceof String all && all.startsWith("write")
                    || permissions instanceof Map<?, ?> scopes && "write".equals(scopes.get("contents"))) {
                writers.add(name);
            }
        });
        assertEquals(List.of("keep-edition"), writers, "jobs that may write to the repository");
        assertEquals(Map.of("contents", "write"), job("keep-edition").get("permissions"), "contents: write and nothing else");
        assertEquals("build", job("keep-edition").get("needs"), "a failed run never advances the history");
        assertEquals(1, map(artifactStep("build", "edition").get("with")).get("retention-days"));
        assertEquals("edition", map(artifactStep("keep-edition", "edition").get("with")).get("path"));
    }

    @Test
    void keepEdition_forcePushesTheEditionAsOneOrphanCommit_namedAfterItsDate() {
        String push = runSteps("keep-edition").get(0);

        assertTrue(push.contains("jq -r '.as_of"), "the date is read from edition.json: " + push);
        assertEquals(List.of("git init -q -b marquee-editions", "git add -A"), lines(push, "git init", "git add"));
        assertTrue(push.contains("commit -q -m \"Edition of $as_of\""), push);
        assertTrue(push.contains("user.name=\"github-actions[bot]\""), push);
        assertTrue(push.contains("git push --force \"https://x-access-token:${GITHUB_TOKEN}@github.com/${GITHUB_REPOSITORY}.git\""
                + " HEAD:marquee-editions"), push);
        assertEquals(Map.of("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}"), step("keep-edition", "Push").get("env"));
    }

    @Test
    void buildJob_fetchesThePreviousEdition_beforeGenerating_andPassesHistoryThroughTheStepsOutput() {
        List<Map<String, Object>> steps = steps("build");
        Map<String, Object> fetch = step("build", "previous");
        Map<String, Object> generate = steps.stream()
                .filter(s -> String.valueOf(s.get("run")).startsWith(generateCommand)).findFirst().orElseThrow();

        assertTrue(steps.indexOf(fetch) < steps.indexOf(generate), "the previous edition is there before generating");
        assertTrue(fetch.get("run").toString().contains("git archive FETCH_HEAD | tar -x -C ../previous-edition"));
        assertEquals("${{ steps.previous.outputs.dir }}", map(generate.get("env")).get("HISTORY"));
        assertTrue(generate.get("run").toString().contains(" ${HISTORY:+--history \"$HISTORY\"}"), generate.get("run").toString());
        assertFalse(job("build").containsKey("env") && map(job("build").get("env")).containsKey("HISTORY"),
                "HISTORY comes from the fetch step only");
    }

    @Test
    void generateStep_givesHistory_onlyWhenTheFetchSetIt(@TempDir Path temp) throws Exception {
        String run = step("build", "Generate the report").get("run").toString().trim();
        String printArguments = "printf '[%s]' " + run.substring(run.indexOf("marquee build") + "marquee build".length());
        Path workspace = Files.createDirectories(temp.resolve("workspace"));

        assertEquals("[--withhold-values]", bash(printArguments, workspace, Map.of("HISTORY", "", "AS_OF", "")).out);
        assertEquals("[--withhold-values][--history][../previous-edition]",
                bash(printArguments, workspace, Map.of("HISTORY", "../previous-edition", "AS_OF", "")).out);
    }

    /** Given a repository without the branch marquee-editions (the first run): no output, so no --history. */
    @Test
    void fetchStep_withoutTheEditionsBranch_succeeds_andSetsNoHistory(@TempDir Path temp) throws Exception {
        Path origin = origin(temp, false);
        Path workspace = checkout(temp, origin);

        Bash fetched = runStep("build", "previous", workspace);

        assertEquals(0, fetched.code, fetched.out);
        assertEquals("", fetched.output, "no dir output");
        assertFalse(Files.exists(temp.resolve("previous-edition")));
    }

    /** Given the branch marquee-editions: its files, unpacked beside the workspace, and the output dir. */
    @Test
    void fetchStep_withTheEditionsBranch_unpacksIt_andSetsHistory(@TempDir Path temp) throws Exception {
        Path origin = origin(temp, true);
        Path workspace = checkout(temp, origin);

        Bash fetched = runStep("build", "previous", workspace);

        assertEquals(0, fetched.code, fetched.out);
        assertEquals("dir=../previous-edition\n", fetched.output);
        assertEquals("{\"as_of\": \"2024-12-31\"}\n", Files.readString(temp.resolve("previous-edition/edition.json")));
        assertTrue(Files.exists(temp.resolve("previous-edition/archive/2024-11-30/report.pdf")));
    }

    /** Given a repository that cannot be reached: the run stops, rather than publish an edition without its archive. */
    @Test
    void fetchStep_whenOriginCannotBeAsked_failsTheRun(@TempDir Path temp) throws Exception {
        Path workspace = checkout(temp, origin(temp, true));
        git(workspace, "remote", "set-url", "origin", temp.resolve("gone.git").toUri().toString());

        Bash fetched = runStep("build", "previous", workspace);

        assertTrue(fetched.code != 0, fetched.out);
        assertEquals("", fetched.output);
    }

    @Test
    void notify_takesItsSubjectAndBodyFromTheDigest() {
        Map<String, Object> mail = map(step("notify", "dawidd6/action-send-mail").get("with"));
        assertEquals("${{ steps.digest.outputs.subject }}", mail.get("subject"));
        assertEquals("file://digest.md", mail.get("body"));
        assertEquals("file://digest.md", mail.get("html_body"), "action-send-mail v3 converts html_body only");
        assertEquals(true, mail.get("convert_markdown"));
        assertEquals("report-pdf", map(artifactStep("notify", "report-pdf").get("with")).get("name"));
    }

    /** Given the digest files of an edition: the subject is the digest's line, the body the digest and the site's address. */
    @Test
    void notify_digestStep_readsTheSubjectLine_andAddsThePageToTheBody(@TempDir Path temp) throws Exception {
        Path artifact = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(artifact.resolve("digest-subject.txt"), "Marquee, 31 Dec: 2 targets missed, churn rate 4.0% (+0.16 pts)\n");
        Files.writeString(artifact.resolve("digest.md"), "# Since 30 Nov\n\n- Churn rate 4.0% (+0.16 pts)\n");

        Bash digest = runStep("notify", "digest", artifact);

        assertEquals(0, digest.code, digest.out);
        assertEquals("subject=Marquee, 31 Dec: 2 targets missed, churn rate 4.0% (+0.16 pts)\n", digest.output);
        assertEquals("# Since 30 Nov\n\n- Churn rate 4.0% (+0.16 pts)\n\nThe report is published at <https://example.github.io/marquee/>.\n",
                Files.readString(artifact.resolve("digest.md")));
    }

    /** Given a report without digest files (made before editions): the subject and body of before. */
    @Test
    void notify_digestStep_withoutADigest_fallsBackToStreamingReport(@TempDir Path temp) throws Exception {
        Path artifact = Files.createDirectories(temp.resolve("workspace"));

        Bash digest = runStep("notify", "digest", artifact);

        assertEquals(0, digest.code, digest.out);
        assertEquals("subject=Streaming report\n", digest.output);
        assertEquals("The latest streaming report is attached.\n\nThe report is published at <https://example.github.io/marquee/>.\n",
                Files.readString(artifact.resolve("digest.md")));
    }

    @Test
    void generateStep_slicesTheReport_byTheSlicesFileOrDimensionTheRecipientsFileGivesItsReadersBy(@TempDir Path temp) throws Exception {
        Map<String, Object> generate = step("build", "Generate the report");
        assertEquals("${{ steps.slices.outputs.dimension }}", map(generate.get("env")).get("SLICES"));
        assertTrue(generate.get("run").toString().trim().endsWith("${SLICES:+--slices \"$SLICES\"}"), generate.get("run").toString());

        Path repository = Files.createDirectories(temp.resolve("repository"));
        assertEquals("dimension=\n", runStep("build", "slices", repository).output, "no recipients.yaml: no slices");
        Files.writeString(repository.resolve("recipients.yaml"), "recipients:\n  - id: board\n    slice: all\n  - id: europe-lead\n"
                + "    region: Europe\n");
        assertEquals("dimension=region\n", runStep("build", "slices", repository).output);
        Files.writeString(repository.resolve("recipients.yaml"), "slices: territories.yaml   # groups of countries\nrecipients:\n"
                + "  - id: nordics-lead\n    slice: Nordics\n");
        assertEquals("dimension=territories.yaml\n", runStep("build", "slices", repository).output, "the slices file it names");
        Files.writeString(repository.resolve("recipients.yaml"), "recipients:\n  - id: board\n    slice: all\n");
        assertEquals("dimension=\n", runStep("build", "slices", repository).output, "the whole report only: no slices");
    }

    /**
     * Given a run's slices and recipients: each recipient with an address in the secrets gets their slice's PDF (or the
     * note when their slice has no data) from a local SMTP server standing in for the real one; one without is skipped.
     */
    @Test
    void notify_slicesStep_mailsEachRecipientTheirSlicesPdf_orItsNote(@TempDir Path temp) throws Exception {
        assumeTool("python3");
        Assumptions.assumeTrue(new ProcessBuilder("python3", "-c", "import smtpd").start().waitFor() == 0,
                "python3's smtpd module (up to Python 3.11) stands in for the mail server");
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.createDirectories(workspace.resolve("slices/europe"));
        Files.createDirectories(workspace.resolve("repository/scripts"));
        Files.copy(Fixtures.ROOT.resolve("scripts/send-slices.py"), workspace.resolve("repository/scripts/send-slices.py"));
        Files.writeString(workspace.resolve("report.pdf"), "%PDF whole");
        Files.writeString(workspace.resolve("slices/europe/report.pdf"), "%PDF europe");
        Files.writeString(workspace.resolve("digest-subject.txt"), "Marquee, 31 Dec: targets met\n");
        Files.writeString(workspace.resolve("slices/recipients.json"), """
                {
                  "recipients": [
                    {"id": "board", "address_variable": "MARQUEE_RECIPIENT_BOARD", "slice": "all", "pdf": "report.pdf"},
                    {"id": "europe-lead", "address_variable": "MARQUEE_RECIPIENT_EUROPE_LEAD", "slice": "Region: Europe", "pdf": "slices/europe/report.pdf"},
                    {"id": "oceania-lead", "address_variable": "MARQUEE_RECIPIENT_OCEANIA_LEAD", "slice": "Region: Oceania", "pdf": null, "note": "no member of the data is in region Oceania"},
                    {"id": "unset", "address_variable": "MARQUEE_RECIPIENT_UNSET", "slice": "all", "pdf": "report.pdf"}
                  ]
                }
                """);
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path received = temp.resolve("received.txt");
        Process server = new ProcessBuilder("python3", "-W", "ignore", "-u", "-m", "smtpd", "-n", "-c", "DebuggingServer", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(received.toFile()).start();
        try {
            for (int i = 0; i < 50; i++) {
                try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                    break;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            Map<String, Object> step = step("notify", "slices");
            Map<String, String> env = new HashMap<>(Map.of("SMTP_SERVER", "127.0.0.1", "SMTP_PORT", Integer.toString(port),
                    "SMTP_SECURITY", "plain", "PAGE_URL", "https://example.github.io/marquee/", "MARQUEE_SECRETS",
                    "{\"MARQUEE_RECIPIENT_BOARD\": \"board@example.org\", \"MARQUEE_RECIPIENT_EUROPE_LEAD\": \"eu@example.org\", "
                            + "\"MARQUEE_RECIPIENT_OCEANIA_LEAD\": \"oc@example.org\", \"GITHUB_TOKEN\": \"x\"}"));
            Bash sent = bash(step.get("run").toString(), workspace, env);

            assertEquals(0, sent.code, sent.out);
            assertEquals("board: sent report.pdf\neurope-lead: sent slices/europe/report.pdf\noceania-lead: sent a note, no PDF\n"
                    + "unset: no address (MARQUEE_RECIPIENT_UNSET is not set): not sent\n", sent.out);
            assertFalse(sent.out.contains("@"), "the log names no address");
            // The server prints each message once the client has gone: three messages, given a few seconds.
            for (int i = 0; i < 50 && Files.readString(received).split("MESSAGE FOLLOWS", -1).length < 4; i++) {
                Thread.sleep(100);
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        String mails = Files.readString(received);
        // The stand-in server prints each message's lines as Python bytes: b'To: eu@example.org'.
        assertTrue(mails.contains("To: eu@example.org") && mails.contains("To: board@example.org"), mails);
        assertTrue(mails.contains("filename=\"slices-europe-report.pdf\""), mails);
        assertTrue(mails.contains("To: oc@example.org") && mails.contains("has no PDF for you this time: no member of the data is i"), mails);
        assertFalse(mails.contains("oc@example.org") && mails.substring(mails.indexOf("To: oc@example.org")).contains("filename="),
                "a recipient without data gets no PDF");
    }

    // --- Running steps as the runner does: bash -e, GITHUB_OUTPUT a file, the step's env. ---

    /** What a script printed (stdout and stderr), its exit code, and what it wrote to GITHUB_OUTPUT. */
    private record Bash(int code, String out, String output) {
    }

    private static Bash runStep(String job, String id, Path folder) throws Exception {
        Map<String, Object> step = step(job, id);
        Map<String, String> env = new HashMap<>(Map.of("PAGE_URL", "https://example.github.io/marquee/", "AS_OF", ""));
        if (step.get("env") instanceof Map<?, ?> stepEnv) {
            stepEnv.forEach((k, v) -> env.put(k.toString(), v.toString()));
        }
        return bash(step.get("run").toString(), folder, env);
    }

    /** Runs a script in a folder, its runner files (script, GITHUB_OUTPUT, summary) in a folder of their own beside it. */
    private static Bash bash(String script, Path folder, Map<String, String> env) throws Exception {
        assumeTool("bash");
        Path runner = Files.createDirectories(folder.resolveSibling(folder.getFileName() + ".runner"));
        Path file = Files.writeString(runner.resolve("step.sh"), script);
        Path output = runner.resolve("output");
        Files.writeString(output, "");
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", file.toString())
                .directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(gitEnv());
        builder.environment().putAll(env);
        builder.environment().put("GITHUB_OUTPUT", output.toString());
        builder.environment().put("GITHUB_STEP_SUMMARY", runner.resolve("summary").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the step ends");
        return new Bash(process.exitValue(), out, Files.readString(output));
    }

    /** A repository like GitHub's: a main branch and, if asked, the branch marquee-editions with one orphan commit. */
    private static Path origin(Path temp, boolean withEditions) throws Exception {
        Path origin = temp.resolve("origin");
        Files.createDirectories(origin);
        git(origin, "init", "-q", "-b", "main");
        Files.writeString(origin.resolve("README.md"), "Marquee\n");
        git(origin, "add", "-A");
        git(origin, "commit", "-q", "-m", "main");
        if (withEditions) {
            git(origin, "checkout", "-q", "--orphan", "marquee-editions");
            git(origin, "rm", "-q", "-r", "--cached", ".");
            Files.delete(origin.resolve("README.md"));
            Files.writeString(origin.resolve("edition.json"), "{\"as_of\": \"2024-12-31\"}\n");
            Files.createDirectories(origin.resolve("archive/2024-11-30"));
            Files.writeString(origin.resolve("archive/2024-11-30/report.pdf"), "%PDF-1.4\n");
            git(origin, "add", "-A");
            git(origin, "commit", "-q", "-m", "Edition of 2024-12-31");
            git(origin, "checkout", "-q", "main");
        }
        return origin;
    }

    /** The workspace as actions/checkout leaves it with fetch-depth 1: only the commit that started the run. */
    private static Path checkout(Path temp, Path origin) throws Exception {
        Path workspace = temp.resolve("workspace");
        Files.createDirectories(workspace);
        git(workspace, "init", "-q", "-b", "main");
        git(workspace, "remote", "add", "origin", origin.toUri().toString());
        git(workspace, "fetch", "-q", "--no-tags", "--depth=1", "origin", "+refs/heads/main:refs/remotes/origin/main");
        git(workspace, "checkout", "-q", "-B", "main", "refs/remotes/origin/main");
        return workspace;
    }

    private static void git(Path folder, String... args) throws Exception {
        assumeTool("git");
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(gitEnv());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "git " + String.join(" ", args) + ": " + out);
    }

    /** Git without this machine's settings, with an author. */
    private static Map<String, String> gitEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_AUTHOR_NAME", "Marquee test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.com");
        env.put("GIT_COMMITTER_NAME", "Marquee test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.com");
        env.put("GIT_TERMINAL_PROMPT", "0");
        return env;
    }

    private static void assumeTool(String tool) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/" + tool)) || "true".equals(System.getenv("CI")),
                tool + " is needed to run the workflow's steps");
    }

    /** The lines of a script that start with one of these prefixes, in order. */
    private static List<String> lines(String script, String... prefixes) {
        List<String> found = new ArrayList<>();
        for (String line : script.split("\n")) {
            for (String prefix : prefixes) {
                if (line.trim().startsWith(prefix)) {
                    found.add(line.trim());
                }
            }
        }
        return found;
    }
}
