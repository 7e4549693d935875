package dev.marquee.infra.constructs;

import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

import java.util.List;

/**
 * A VPC of two AZs with isolated subnets only (no internet gateway, no NAT): functions reach S3 and DynamoDB through
 * gateway endpoints (free) and SQS / Kinesis through interface endpoints. The functions' security group may talk
 * HTTPS (only endpoints are reachable) and Redis to the cache's group; nothing else.
 */
public class Network extends Construct {
    private final Vpc vpc;
    private final SecurityGroup functions;
    private final SecurityGroup endpoints;

    public Network(Construct scope, String id, boolean kinesisEndpoint) {
        super(scope, id);
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("isolated").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(20).build()))
                .build();
        SubnetSelection isolated = isolatedSubnets();
        vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3).subnets(List.of(isolated)).build());
        vpc.addGatewayEndpoint("DynamoDb", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.DYNAMODB).subnets(List.of(isolated)).build());

        functions = SecurityGroup.Builder.create(this, "FunctionsSg")
                .vpc(vpc)
                .description("Marquee functions in the VPC: HTTPS to endpoints, Redis to the cache")
                .allowAllOutbound(false)
                .build();
        // isolated subnets: 443 reaches nothing but the VPC endpoints (gateway endpoints have no fixed CIDR to name)
        functions.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to VPC endpoints (S3, DynamoDB, SQS, Kinesis)");

        endpoints = SecurityGroup.Builder.create(this, "EndpointsSg")
                .vpc(vpc)
                .description("Interface endpoints: HTTPS from the Marquee functions only")
                .allowAllOutbound(false)
                .build();
        endpoints.addIngressRule(functions, Port.tcp(443), "HTTPS from Marquee functions");

        interfaceEndpoint("Sqs", InterfaceVpcEndpointAwsService.SQS);
        if (kinesisEndpoint) {
            interfaceEndpoint("Kinesis", InterfaceVpcEndpointAwsService.KINESIS_STREAMS);
        }
    }

    private InterfaceVpcEndpoint interfaceEndpoint(String id, InterfaceVpcEndpointAwsService service) {
        return vpc.addInterfaceEndpoint(id, InterfaceVpcEndpointOptions.builder()
                .service(service)
                .privateDnsEnabled(true)
                .subnets(isolatedSubnets())
                .securityGroups(List.of(endpoints))
                .open(false)
                .build());
    }

    public SubnetSelection isolatedSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }

    public Vpc vpc() {
        return vpc;
    }

    /** The group of every function that runs in the VPC (api, ingest). */
    public SecurityGroup functionsSecurityGroup() {
        return functions;
    }
}
