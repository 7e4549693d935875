package dev.marquee.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The VPC without NAT, its endpoints, the security groups, and ElastiCache Serverless (Valkey). */
class NetworkAndCacheTest {
    static Synth synth;
    static String functionsSg;
    static String cacheSg;
    static String endpointsSg;
    static Map<String, Object> cache;

    @BeforeAll
    static void synthesize() {
        synth = Synth.defaults();
        functionsSg = sg("Marquee functions in the VPC");
        cacheSg = sg("Marquee Valkey");
        endpointsSg = sg("Interface endpoints");
        cache = synth.where("AWS::ElastiCache::ServerlessCache", "ServerlessCacheName", "marquee-dev-cache");
    }

    static String sg(String descriptionStart) {
        return synth.resources("AWS::EC2::SecurityGroup").entrySet().stream()
                .filter(e -> String.valueOf(Synth.props(e.getValue()).get("GroupDescription")).startsWith(descriptionStart))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void twoIsolatedSubnetsInTwoZonesAndNoWayToTheInternet() {
        assertThat(synth.resources("AWS::EC2::VPC")).hasSize(1);
        var subnets = synth.resources("AWS::EC2::Subnet");
        assertThat(subnets).hasSize(2);
        assertThat(subnets.values()).extracting(r -> Synth.render(Synth.props(r).get("AvailabilityZone")))
                .containsExactlyInAnyOrder("{Fn::Select=[0,{Fn::GetAZs=}]}", "{Fn::Select=[1,{Fn::GetAZs=}]}");
        assertThat(subnets.values()).allSatisfy(r -> {
            assertThat(Synth.props(r).get("MapPublicIpOnLaunch")).isEqualTo(false);
            assertThat(Synth.render(Synth.props(r).get("Tags"))).contains("aws-cdk:subnet-type,Value=Isolated");
        });
        assertThat(synth.resources("AWS::EC2::NatGateway")).isEmpty();
        assertThat(synth.resources("AWS::EC2::InternetGateway")).isEmpty();
        assertThat(synth.resources("AWS::EC2::Route")).isEmpty();
    }

    @Test
    void gatewayEndpointsForS3AndDynamoDbOnBothRouteTables() {
        for (String service : List.of(".s3", ".dynamodb")) {
            Map<String, Object> e = synth.where("AWS::EC2::VPCEndpoint", "ServiceName", "com.amazonaws.${AWS::Region}" + service);
            assertThat(e.get("VpcEndpointType")).isEqualTo("Gateway");
            assertThat(Synth.list(e.get("RouteTableIds"))).hasSize(2);
        }
    }

    @Test
    void interfaceEndpointsForSqsAndKinesisWithPrivateDnsReachableOnlyFromTheFunctions() {
        for (String service : List.of(".sqs", ".kinesis-streams")) {
            Map<String, Object> e = synth.where("AWS::EC2::VPCEndpoint", "ServiceName", "com.amazonaws.${AWS::Region}" + service);
            assertThat(e.get("VpcEndpointType")).isEqualTo("Interface");
            assertThat(e.get("PrivateDnsEnabled")).isEqualTo(true);
            assertThat(Synth.list(e.get("SubnetIds"))).hasSize(2);
            assertThat(Synth.render(e.get("SecurityGroupIds"))).isEqualTo("[${" + endpointsSg + ".GroupId}]");
        }
        assertThat(synth.resources("AWS::EC2::VPCEndpoint")).hasSize(4);
        Map<String, Object> in = synth.where("AWS::EC2::SecurityGroupIngress", "GroupId", "${" + endpointsSg + ".GroupId}");
        assertThat(in).containsEntry("FromPort", 443).containsEntry("ToPort", 443).containsEntry("IpProtocol", "tcp");
        assertThat(Synth.render(in.get("SourceSecurityGroupId"))).isEqualTo("${" + functionsSg + ".GroupId}");
        assertThat(Synth.render(Synth.props(synth.resource(endpointsSg)).get("SecurityGroupIngress"))).isEqualTo("null");
    }

    @Test
    void valkeyServerlessInTheIsolatedSubnetsWithItsOwnGroupAndUsageLimits() {
        assertThat(cache.get("Engine")).isEqualTo("valkey");
        assertThat(cache.get("MajorEngineVersion")).isEqualTo("8");
        assertThat(Synth.render(cache.get("SecurityGroupIds"))).isEqualTo("[${" + cacheSg + ".GroupId}]");
        assertThat(Synth.list(cache.get("SubnetIds"))).hasSize(2)
                .allSatisfy(s -> assertThat(Synth.render(s)).contains("isolated"));
        assertThat(cache.get("CacheUsageLimits")).isEqualTo(Map.of(
                "DataStorage", Map.of("Maximum", 1, "Unit", "GB"), "ECPUPerSecond", Map.of("Maximum", 5000)));
        assertThat(cache.get("SnapshotRetentionLimit")).isEqualTo(0);
    }

    @Test
    void onlyTheFunctionsReachTheCacheOnTheValkeyTlsPorts() {
        // ingress: one rule, from the functions' group, 6379 (primary) and 6380 (reader)
        var rules = synth.resources("AWS::EC2::SecurityGroupIngress").values().stream()
                .map(Synth::props).filter(p -> Synth.render(p.get("GroupId")).equals("${" + cacheSg + ".GroupId}")).toList();
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0)).containsEntry("FromPort", 6379).containsEntry("ToPort", 6380).containsEntry("IpProtocol", "tcp");
        assertThat(Synth.render(rules.get(0).get("SourceSecurityGroupId"))).isEqualTo("${" + functionsSg + ".GroupId}");
        Map<String, Object> cacheGroup = Synth.props(synth.resource(cacheSg));
        assertThat(cacheGroup).doesNotContainKey("SecurityGroupIngress");
        // the cache itself opens no connections
        assertThat(Synth.render(cacheGroup.get("SecurityGroupEgress"))).contains("CidrIp=255.255.255.255/32").contains("Disallow all traffic");
    }

    @Test
    void functionsMayOnlySpeakHttpsAndValkey() {
        Map<String, Object> fg = Synth.props(synth.resource(functionsSg));
        assertThat(Synth.render(fg.get("SecurityGroupEgress"))).isEqualTo(
                "[{CidrIp=0.0.0.0/0,Description=HTTPS to VPC endpoints (S3, DynamoDB, SQS, Kinesis),FromPort=443,IpProtocol=tcp,ToPort=443}]");
        var egress = synth.resources("AWS::EC2::SecurityGroupEgress").values().stream().map(Synth::props).toList();
        assertThat(egress).hasSize(1);
        assertThat(egress.get(0)).containsEntry("FromPort", 6379).containsEntry("ToPort", 6380);
        assertThat(Synth.render(egress.get(0).get("DestinationSecurityGroupId"))).isEqualTo("${" + cacheSg + ".GroupId}");
    }

    @Test
    void functionsConnectWithTlsToTheCacheEndpoint() {
        String cacheId = synth.resources("AWS::ElastiCache::ServerlessCache").keySet().iterator().next();
        String expected = "rediss://${" + cacheId + ".Endpoint.Address}:${" + cacheId + ".Endpoint.Port}";
        for (String fn : List.of("marquee-dev-api", "marquee-dev-ingest")) {
            Map<String, Object> f = synth.where("AWS::Lambda::Function", "FunctionName", fn);
            assertThat(Synth.render(f.get("Environment"))).as(fn).contains("QUARKUS_REDIS_HOSTS=" + expected);
            assertThat(Synth.render(f.get("VpcConfig"))).as(fn).contains("SecurityGroupIds=[${" + functionsSg + ".GroupId}]");
        }
    }
}
