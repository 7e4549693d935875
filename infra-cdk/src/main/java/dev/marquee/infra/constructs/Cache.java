package dev.marquee.infra.constructs;

import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.elasticache.CfnServerlessCache;
import software.constructs.Construct;

import java.util.List;

/**
 * ElastiCache Serverless for Valkey in the isolated subnets: the features store and response cache. In-transit
 * encryption is always on for serverless caches (clients must use TLS: {@code rediss://}); at rest it is encrypted
 * with an AWS-owned key. Only the functions' security group may connect, on 6379 (primary) and 6380 (reader).
 * Usage limits cap what a runaway client can cost.
 */
public class Cache extends Construct {
    public static final int PRIMARY_PORT = 6379;
    public static final int READER_PORT = 6380;

    private final CfnServerlessCache cache;
    private final SecurityGroup securityGroup;

    public Cache(Construct scope, String id, Network network, String name, int maxStorageGb, int maxEcpuPerSecond) {
        super(scope, id);
        securityGroup = SecurityGroup.Builder.create(this, "Sg")
                .vpc(network.vpc())
                .description("Marquee Valkey: Redis protocol over TLS from the Marquee functions only")
                .allowAllOutbound(false)
                .build();
        // one rule each way: ingress on the cache's group, egress on the functions' group
        network.functionsSecurityGroup().getConnections()
                .allowTo(securityGroup, Port.tcpRange(PRIMARY_PORT, READER_PORT), "Valkey (TLS) from Marquee functions");

        cache = CfnServerlessCache.Builder.create(this, "Valkey")
                .serverlessCacheName(name)
                .description("Marquee features and response cache")
                .engine("valkey")
                .majorEngineVersion("8")
                .securityGroupIds(List.of(securityGroup.getSecurityGroupId()))
                .subnetIds(network.vpc().selectSubnets(network.isolatedSubnets()).getSubnetIds())
                .cacheUsageLimits(CfnServerlessCache.CacheUsageLimitsProperty.builder()
                        .dataStorage(CfnServerlessCache.DataStorageProperty.builder().maximum(maxStorageGb).unit("GB").build())
                        .ecpuPerSecond(CfnServerlessCache.ECPUPerSecondProperty.builder().maximum(maxEcpuPerSecond).build())
                        .build())
                // a cache, never the only copy of anything: no snapshots to pay for
                .snapshotRetentionLimit(0)
                .build();
    }

    /** {@code rediss://<endpoint>:<port>}: the value of QUARKUS_REDIS_HOSTS. */
    public String redisHosts() {
        return Fn.join("", List.of("rediss://", cache.getAttrEndpointAddress(), ":", cache.getAttrEndpointPort()));
    }

    public String name() {
        return cache.getServerlessCacheName();
    }

    public CfnServerlessCache resource() {
        return cache;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }
}
