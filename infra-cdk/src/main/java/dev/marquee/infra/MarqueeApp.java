package dev.marquee.infra;

import dev.marquee.infra.config.RepoPaths;
import dev.marquee.infra.config.Settings;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: one stack, {@code Marquee-<stage>}, configured from context (infra-cdk/README.md lists the keys).
 * {@code cdk synth} / {@code cdk deploy} run it through Maven (cdk.json).
 */
public final class MarqueeApp {

    private MarqueeApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** Adds the stage's stack to the app; tests call this with their own context. */
    public static MarqueeStack build(App app) {
        Settings settings = Settings.from(app.getNode());
        Object root = app.getNode().tryGetContext("repoRoot");
        RepoPaths paths = RepoPaths.locate(root == null ? null : root.toString());
        return new MarqueeStack(app, "Marquee-" + settings.stage(), StackProps.builder()
                .stackName("Marquee-" + settings.stage())
                .description("Marquee recommender, stage " + settings.stage() + " (packaging " + settings.packaging().name().toLowerCase() + ")")
                .build(), settings, paths);
    }
}
