package dev.marquee;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.marquee.publish.RunFolder;
import dev.marquee.run.Background;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Work starts on another thread in one place, the run's {@link Background}: it names every task, and closing it at the
 * end of a run leaves no thread behind. A class that starts a thread, a pool, an asynchronous CompletableFuture or a
 * parallel stream of its own would escape both.
 */
class OnlyTheBackgroundStartsThreadsTest {

    private static final Set<String> THREAD_MAKERS = Set.of("java.lang.Thread", "java.util.Timer",
            "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.ForkJoinPool");

    /** new Thread (or a pool, a timer), Executors, the common pool, CompletableFuture's *Async, a parallel stream. */
    private static final DescribedPredicate<JavaCall<?>> STARTS_WORK_ON_ANOTHER_THREAD = DescribedPredicate.describe(
            "start work on another thread", call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                return (THREAD_MAKERS.contains(owner) && (name.equals("<init>") || name.equals("commonPool")))
                        || owner.equals("java.util.concurrent.Executors")
                        || (owner.equals("java.util.concurrent.CompletableFuture") && name.endsWith("Async"))
                        || name.equals("parallelStream")
                        || (owner.startsWith("java.util.stream.") && name.equals("parallel"));
            });

    /** Drops the layer tables a run built in a remote engine's scratch schema; package-private in dev.marquee.layer. */
    private static final String SCRATCH_TABLES = "dev.marquee.layer.ScratchTables";

    private static JavaClasses product;

    @BeforeAll
    static void importTheProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.marquee");
    }

    @Test
    void noClassButTheBackgroundStartsWorkOnAnotherThread() {
        noClasses().that().doNotHaveFullyQualifiedName(Background.class.getName())
                // Their shutdown hooks are threads the JVM starts as it exits, to delete the run's folders and drop the
                // layer tables it built in a remote engine's scratch schema: no work of a run.
                .and().doNotHaveFullyQualifiedName(RunFolder.class.getName())
                .and().doNotHaveFullyQualifiedName(SCRATCH_TABLES)
                .should().callCodeUnitWhere(STARTS_WORK_ON_ANOTHER_THREAD)
                .because("the run's Background names every task and leaves no thread behind when the run ends (fails or not)")
                .check(product);
    }

    @Test
    void theRuleRecognisesThreads_theBackgroundAndTheShutdownHooksMakeThem() {
        classes().that().haveFullyQualifiedName(Background.class.getName()).or().haveFullyQualifiedName(RunFolder.class.getName())
                .or().haveFullyQualifiedName(SCRATCH_TABLES)
                .should().callCodeUnitWhere(STARTS_WORK_ON_ANOTHER_THREAD).check(product);
    }
}
