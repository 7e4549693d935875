package dev.marquee.devtools;

import dev.marquee.devtools.packaging.ColdStartBench;
import dev.marquee.devtools.packaging.PackageCommand;

import java.util.Arrays;

/** Entry point of the developer tools; ./marquee calls it. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("bench") && args[1].equals("ingest")) {
            System.exit(IngestBench.run(Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length >= 2 && args[0].equals("bench") && args[1].equals("train")) {
            System.exit(TrainBench.run(Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length >= 2 && args[0].equals("bench") && args[1].equals("rank")) {
            System.exit(RankBench.run(Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length >= 2 && args[0].equals("bench") && args[1].equals("coldstart")) {
            System.exit(ColdStartBench.run(Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length >= 2 && args[0].equals("bench") && args[1].equals("serve")) {
            System.exit(ServeBench.run(Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length >= 2 && args[0].equals("package") && args[1].equals("jvm-aot")) {
            System.exit(PackageCommand.run(Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length >= 2 && args[0].equals("bench") && args[1].equals("funnel")) {
            System.exit(FunnelBench.run(Arrays.copyOfRange(args, 2, args.length)));
        }
        System.err.println("usage: bench ingest|train|rank|funnel|serve|coldstart [--help] | package jvm-aot [--function api,ingest]");
        System.exit(2);
    }
}
