package aws

import (
	"context"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
)

// ec2 reads a region's security groups, VPCs, flow logs, EBS volumes and
// its EBS encryption-by-default setting.
func (c *collector) ec2(ctx context.Context, region string) error {
	client := ec2.NewFromConfig(c.cfg, func(o *ec2.Options) { o.Region = region })
	var rs []resource

	sgs := ec2.NewDescribeSecurityGroupsPaginator(client, &ec2.DescribeSecurityGroupsInput{})
	for sgs.HasMorePages() {
		c.call("ec2:DescribeSecurityGroups")
		page, err := sgs.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, sg := range page.SecurityGroups {
			rs = append(rs, c.securityGroup(region, sg))
		}
	}

	vpcs := ec2.NewDescribeVpcsPaginator(client, &ec2.DescribeVpcsInput{})
	for vpcs.HasMorePages() {
		c.call("ec2:DescribeVpcs")
		page, err := vpcs.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, v := range page.Vpcs {
			id := aws.ToString(v.VpcId)
			typ := "aws_vpc"
			if aws.ToBool(v.IsDefault) {
				typ = "aws_default_vpc"
			}
			rs = append(rs, resource{typ: typ, name: region, key: id, attrs: withTags(map[string]any{
				"id": id, "arn": c.arn("ec2", region, "vpc/"+id), "cidr_block": str(v.CidrBlock),
				"instance_tenancy": string(v.InstanceTenancy), "owner_id": str(v.OwnerId),
				"dhcp_options_id": str(v.DhcpOptionsId),
			}, ec2Tags(v.Tags)), unknown: []string{"enable_dns_hostnames", "enable_dns_support", "main_route_table_id", "default_security_group_id"}})
		}
	}

	logs := ec2.NewDescribeFlowLogsPaginator(client, &ec2.DescribeFlowLogsInput{})
	for logs.HasMorePages() {
		c.call("ec2:DescribeFlowLogs")
		page, err := logs.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, fl := range page.FlowLogs {
			id := aws.ToString(fl.FlowLogId)
			attrs := map[string]any{
				"id": id, "arn": c.arn("ec2", region, "vpc-flow-log/"+id),
				"traffic_type": string(fl.TrafficType), "log_destination": str(fl.LogDestination),
				"log_destination_type": string(fl.LogDestinationType), "log_group_name": str(fl.LogGroupName),
				"iam_role_arn": str(fl.DeliverLogsPermissionArn), "log_format": str(fl.LogFormat),
				"max_aggregation_interval": numPtr(fl.MaxAggregationInterval),
				"vpc_id":                   nil, "subnet_id": nil, "eni_id": nil, "transit_gateway_id": nil,
			}
			// The flow log's resource is a VPC, subnet, network interface
			// or transit gateway; its id says which.
			rid := aws.ToString(fl.ResourceId)
			for prefix, attr := range map[string]string{"vpc-": "vpc_id", "subnet-": "subnet_id", "eni-": "eni_id", "tgw-": "transit_gateway_id"} {
				if len(rid) > len(prefix) && rid[:len(prefix)] == prefix {
					attrs[attr] = rid
				}
			}
			rs = append(rs, resource{typ: "aws_flow_log", name: region, key: id, attrs: withTags(attrs, ec2Tags(fl.Tags))})
		}
	}

	vols := ec2.NewDescribeVolumesPaginator(client, &ec2.DescribeVolumesInput{})
	for vols.HasMorePages() {
		c.call("ec2:DescribeVolumes")
		page, err := vols.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, v := range page.Volumes {
			id := aws.ToString(v.VolumeId)
			snapshot := aws.ToString(v.SnapshotId)
			rs = append(rs, resource{typ: "aws_ebs_volume", name: region, key: id, attrs: withTags(map[string]any{
				"id": id, "arn": c.arn("ec2", region, "volume/"+id),
				"availability_zone": str(v.AvailabilityZone), "encrypted": boolean(v.Encrypted),
				"kms_key_id": str(v.KmsKeyId), "size": numPtr(v.Size), "type": string(v.VolumeType),
				"snapshot_id": snapshot, "iops": numPtr(v.Iops), "throughput": numPtr(v.Throughput),
				"multi_attach_enabled": boolean(v.MultiAttachEnabled), "outpost_arn": str(v.OutpostArn),
			}, ec2Tags(v.Tags))})
		}
	}

	c.call("ec2:GetEbsEncryptionByDefault")
	def, err := client.GetEbsEncryptionByDefault(ctx, &ec2.GetEbsEncryptionByDefaultInput{})
	if err != nil {
		return err
	}
	rs = append(rs, resource{typ: "aws_ebs_encryption_by_default", name: region, key: region, attrs: map[string]any{
		"id": region, "enabled": boolean(def.EbsEncryptionByDefault),
	}})
	c.add(rs...)
	return nil
}

// securityGroup models a security group as Terraform's aws_security_group
// (aws_default_security_group for a VPC's default group), its rules as
// the inline ingress and egress blocks.
func (c *collector) securityGroup(region string, sg types.SecurityGroup) resource {
	id := aws.ToString(sg.GroupId)
	typ := "aws_security_group"
	if aws.ToString(sg.GroupName) == "default" {
		typ = "aws_default_security_group"
	}
	return resource{typ: typ, name: region, key: id, attrs: withTags(map[string]any{
		"id": id, "arn": c.arn("ec2", region, "security-group/"+id),
		"name": str(sg.GroupName), "description": str(sg.Description),
		"vpc_id": str(sg.VpcId), "owner_id": str(sg.OwnerId),
		"ingress": permissions(id, sg.IpPermissions), "egress": permissions(id, sg.IpPermissionsEgress),
		"revoke_rules_on_delete": nil,
	}, ec2Tags(sg.Tags)), unknown: []string{"name_prefix"}}
}

// permissions turns IP permissions into Terraform's rule blocks: one per
// permission and description, with every source of the permission.
func permissions(self string, perms []types.IpPermission) []any {
	out := []any{}
	for _, p := range perms {
		proto := aws.ToString(p.IpProtocol)
		from, to := int32(0), int32(0)
		if p.FromPort != nil {
			from = *p.FromPort
		}
		if p.ToPort != nil {
			to = *p.ToPort
		}
		rule := map[string]any{
			"protocol": proto, "from_port": num(from), "to_port": num(to),
			"cidr_blocks": []any{}, "ipv6_cidr_blocks": []any{}, "prefix_list_ids": []any{},
			"security_groups": []any{}, "self": false, "description": "",
		}
		var cidrs, cidrs6, lists, groups []string
		var desc string
		for _, r := range p.IpRanges {
			cidrs = append(cidrs, aws.ToString(r.CidrIp))
			desc = first(desc, aws.ToString(r.Description))
		}
		for _, r := range p.Ipv6Ranges {
			cidrs6 = append(cidrs6, aws.ToString(r.CidrIpv6))
			desc = first(desc, aws.ToString(r.Description))
		}
		for _, r := range p.PrefixListIds {
			lists = append(lists, aws.ToString(r.PrefixListId))
			desc = first(desc, aws.ToString(r.Description))
		}
		for _, g := range p.UserIdGroupPairs {
			desc = first(desc, aws.ToString(g.Description))
			if aws.ToString(g.GroupId) == self {
				rule["self"] = true
				continue
			}
			groups = append(groups, aws.ToString(g.GroupId))
		}
		slices.Sort(groups)
		rule["cidr_blocks"], rule["ipv6_cidr_blocks"] = stringList(cidrs), stringList(cidrs6)
		rule["prefix_list_ids"], rule["security_groups"] = stringList(lists), stringList(groups)
		rule["description"] = desc
		out = append(out, rule)
	}
	return out
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func ec2Tags(tags []types.Tag) map[string]any {
	return tagMap(len(tags), func(i int) (string, string) {
		return aws.ToString(tags[i].Key), aws.ToString(tags[i].Value)
	})
}
