package dev.marquee.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Synthesizes the app once per distinct context and hands every test class the same result (surefire runs the classes
 * in one JVM). The context is cdk.json's (its feature flags, as {@code cdk synth} uses them) plus the test's.
 */
final class Synth {
    /**
     * Production defaults, with placeholder function code (no function has to be built); the training image is the
     * image asset of functions/embedding-refresh/Dockerfile, as in a real deploy.
     */
    static final Map<String, Object> DEFAULTS = Map.of(
            "assets", "placeholder",
            "corsOrigins", "https://app.example.com");

    private static final Map<Map<String, Object>, Synth> CACHE = new ConcurrentHashMap<>();

    final MarqueeStack stack;
    final Template template;
    final Map<String, Object> json;
    /** Where the cloud assembly (templates, staged assets) was written. */
    final Path outdir;

    private Synth(MarqueeStack stack) {
        this.stack = stack;
        this.outdir = Path.of(((App) stack.getNode().getRoot()).getOutdir());
        this.template = Template.fromStack(stack);
        this.json = template.toJSON();
    }

    static Synth defaults() {
        return of(DEFAULTS);
    }

    static synchronized Synth of(Map<String, Object> context) {
        return CACHE.computeIfAbsent(new TreeMap<>(context), Synth::synthesize);
    }

    /** Builds the app with cdk.json's context plus the given one, without synthesizing templates yet. */
    static MarqueeStack build(Map<String, Object> context) {
        Map<String, Object> ctx = new HashMap<>(cdkJsonContext());
        ctx.putAll(context);
        Path out = Path.of("target", "cdk-test", Integer.toHexString(new TreeMap<>(context).toString().hashCode()));
        App app = new App(AppProps.builder().context(ctx).outdir(out.toString()).build());
        return MarqueeApp.build(app);
    }

    private static Synth synthesize(Map<String, Object> context) {
        long start = System.nanoTime();
        Synth s = new Synth(build(context));
        System.out.printf("synthesized %s in %d ms%n", context, (System.nanoTime() - start) / 1_000_000);
        return s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cdkJsonContext() {
        try {
            Map<String, Object> cdkJson = new ObjectMapper().readValue(Files.readString(Path.of("cdk.json")), Map.class);
            return (Map<String, Object>) cdkJson.get("context");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- reading the template

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> all = (Map<String, Map<String, Object>>) json.get("Resources");
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        all.forEach((id, r) -> {
            if (type.equals(r.get("Type"))) {
                out.put(id, r);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> resource(String logicalId) {
        Map<String, Object> r = ((Map<String, Map<String, Object>>) json.get("Resources")).get(logicalId);
        return Objects.requireNonNull(r, () -> "no resource " + logicalId);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    Map<String, Object> propsOf(IConstruct construct) {
        return props(resource(logicalId(construct)));
    }

    /** The logical id of a construct's CloudFormation resource (the construct itself or its default child). */
    String logicalId(IConstruct construct) {
        IConstruct c = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
        return Stack.of(c).resolve(((CfnElement) c).getLogicalId()).toString();
    }

    /** The logical id of the one resource of that type whose property renders as the value. */
    String idWhere(String type, String property, String value) {
        List<String> ids = resources(type).entrySet().stream()
                .filter(e -> value.equals(render(props(e.getValue()).get(property))))
                .map(Map.Entry::getKey).toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected exactly one " + type + " with " + property + " = " + value + ", found " + ids);
        }
        return ids.get(0);
    }

    /** The properties of the one resource of that type whose property renders as the value. */
    Map<String, Object> where(String type, String property, String value) {
        return props(resource(idWhere(type, property, value)));
    }

    /** The one resource of that type whose properties' rendering contains every needle. */
    Map<String, Object> only(String type, String... needles) {
        List<Map<String, Object>> found = new ArrayList<>();
        resources(type).values().forEach(r -> {
            String text = render(r.get("Properties"));
            boolean all = true;
            for (String n : needles) {
                all &= text.contains(n);
            }
            if (all) {
                found.add(r);
            }
        });
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + type + " with " + List.of(needles) + ", found " + found.size());
        }
        return props(found.get(0));
    }

    /**
     * A readable rendering of a CloudFormation value: {@code Fn::Join} joined, {@code Ref X} as {@code ${X}},
     * {@code Fn::GetAtt [X, A]} as {@code ${X.A}}, pseudo parameters as {@code ${AWS::Region}}.
     */
    @SuppressWarnings("unchecked")
    static String render(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Synth::render).collect(Collectors.joining(",", "[", "]"));
        }
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.containsKey("Fn::Join")) {
                List<Object> join = (List<Object>) m.get("Fn::Join");
                return ((List<Object>) join.get(1)).stream().map(Synth::render).collect(Collectors.joining((String) join.get(0)));
            }
            if (m.size() == 1 && m.get("Fn::Sub") instanceof String sub) {
                return sub;
            }
            if (m.size() == 1 && m.containsKey("Ref")) {
                return "${" + m.get("Ref") + "}";
            }
            if (m.size() == 1 && m.containsKey("Fn::GetAtt")) {
                List<Object> att = (List<Object>) m.get("Fn::GetAtt");
                return "${" + att.get(0) + "." + att.get(1) + "}";
            }
            return m.entrySet().stream().map(e -> e.getKey() + "=" + render(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return String.valueOf(v);
    }

    /** One IAM statement, with the role its policy is attached to. */
    record Statement(String policy, List<String> roles, String effect, List<String> actions, List<Object> resources,
                     Map<String, Object> condition) {
        boolean hasAction(String action) {
            return actions.contains(action);
        }

        /** One resource as itself, several as [a,b]. */
        String renderedResources() {
            return resources.size() == 1 ? render(resources.get(0)) : render(resources);
        }
    }

    /** Every statement of every AWS::IAM::Policy and every inline policy of an AWS::IAM::Role. */
    @SuppressWarnings("unchecked")
    List<Statement> statements() {
        List<Statement> out = new ArrayList<>();
        resources("AWS::IAM::Policy").forEach((id, r) -> {
            Map<String, Object> p = props(r);
            List<String> roles = list(p.get("Roles")).stream().map(Synth::render).toList();
            addStatements(out, id, roles, (Map<String, Object>) p.get("PolicyDocument"));
        });
        resources("AWS::IAM::Role").forEach((id, r) -> {
            for (Object inline : list(props(r).get("Policies"))) {
                Map<String, Object> ip = (Map<String, Object>) inline;
                addStatements(out, id + "/" + ip.get("PolicyName"), List.of("${" + id + "}"),
                        (Map<String, Object>) ip.get("PolicyDocument"));
            }
        });
        return out;
    }

    /** The statements granted to the role with that logical id. */
    List<Statement> statementsOf(String roleLogicalId) {
        return statements().stream().filter(s -> s.roles().contains("${" + roleLogicalId + "}")).toList();
    }

    @SuppressWarnings("unchecked")
    private static void addStatements(List<Statement> out, String policy, List<String> roles, Map<String, Object> doc) {
        for (Object o : list(doc.get("Statement"))) {
            Map<String, Object> st = (Map<String, Object>) o;
            out.add(new Statement(policy, roles, (String) st.get("Effect"),
                    list(st.get("Action")).stream().map(String::valueOf).toList(),
                    list(st.get("Resource")),
                    st.get("Condition") == null ? Map.of() : (Map<String, Object>) st.get("Condition")));
        }
    }

    /** A value that may be one string or a list of them, as a list. */
    static List<Object> list(Object v) {
        if (v == null) {
            return List.of();
        }
        return v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
    }
}
