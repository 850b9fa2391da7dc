package aws

import (
	"context"
	"net/url"
	"slices"
	"strings"
)

// ec2 reads a region's security groups, VPCs, flow logs, EBS volumes and
// its EBS encryption-by-default setting.
func (c *collector) ec2(ctx context.Context, region string) error {
	client := newEC2Client(c.cfg, region)
	var rs []resource

	err := ec2Pages(ctx, client, c, "DescribeSecurityGroups", 1000, func(page *ec2SecurityGroups) string {
		for _, sg := range page.Items {
			rs = append(rs, c.securityGroup(region, sg))
		}
		return page.Next
	})
	if err != nil {
		return err
	}

	err = ec2Pages(ctx, client, c, "DescribeVpcs", 1000, func(page *ec2Vpcs) string {
		for _, v := range page.Items {
			typ := "aws_vpc"
			if v.IsDefault {
				typ = "aws_default_vpc"
			}
			rs = append(rs, resource{typ: typ, name: region, key: v.ID, attrs: withTags(map[string]any{
				"id": v.ID, "arn": c.arn("ec2", region, "vpc/"+v.ID), "cidr_block": v.CIDR,
				"instance_tenancy": v.Tenancy, "owner_id": v.OwnerID, "dhcp_options_id": v.DHCP,
			}, ec2Tags(v.Tags)), unknown: []string{"enable_dns_hostnames", "enable_dns_support", "main_route_table_id", "default_security_group_id"}})
		}
		return page.Next
	})
	if err != nil {
		return err
	}

	err = ec2Pages(ctx, client, c, "DescribeFlowLogs", 1000, func(page *ec2FlowLogs) string {
		for _, fl := range page.Items {
			attrs := map[string]any{
				"id": fl.ID, "arn": c.arn("ec2", region, "vpc-flow-log/"+fl.ID),
				"traffic_type": fl.TrafficType, "log_destination": str(fl.Destination),
				"log_destination_type": fl.DestinationType, "log_group_name": str(fl.LogGroupName),
				"iam_role_arn": str(fl.RoleArn), "log_format": str(fl.Format),
				"max_aggregation_interval": numPtr(fl.MaxAggregation),
				"vpc_id":                   nil, "subnet_id": nil, "eni_id": nil, "transit_gateway_id": nil,
			}
			// The flow log's resource is a VPC, subnet, network interface
			// or transit gateway; its id says which.
			for _, kind := range [][2]string{{"vpc-", "vpc_id"}, {"subnet-", "subnet_id"}, {"eni-", "eni_id"}, {"tgw-", "transit_gateway_id"}} {
				if strings.HasPrefix(fl.ResourceID, kind[0]) {
					attrs[kind[1]] = fl.ResourceID
				}
			}
			rs = append(rs, resource{typ: "aws_flow_log", name: region, key: fl.ID, attrs: withTags(attrs, ec2Tags(fl.Tags))})
		}
		return page.Next
	})
	if err != nil {
		return err
	}

	err = ec2Pages(ctx, client, c, "DescribeVolumes", 500, func(page *ec2Volumes) string {
		for _, v := range page.Items {
			rs = append(rs, resource{typ: "aws_ebs_volume", name: region, key: v.ID, attrs: withTags(map[string]any{
				"id": v.ID, "arn": c.arn("ec2", region, "volume/"+v.ID),
				"availability_zone": str(v.Zone), "encrypted": boolean(v.Encrypted),
				"kms_key_id": str(v.KmsKeyID), "size": numPtr(v.Size), "type": v.Type,
				"snapshot_id": v.SnapshotID, "iops": numPtr(v.Iops), "throughput": numPtr(v.Throughput),
				"multi_attach_enabled": boolean(v.MultiAttach), "outpost_arn": str(v.OutpostArn),
			}, ec2Tags(v.Tags))})
		}
		return page.Next
	})
	if err != nil {
		return err
	}

	c.call("ec2:GetEbsEncryptionByDefault")
	var def ec2EBSDefault
	if err := client.call(ctx, "GetEbsEncryptionByDefault", url.Values{}, &def); err != nil {
		return err
	}
	rs = append(rs, resource{typ: "aws_ebs_encryption_by_default", name: region, key: region, attrs: map[string]any{
		"id": region, "enabled": boolean(def.Enabled),
	}})
	c.add(rs...)
	return nil
}

// securityGroup models a security group as Terraform's aws_security_group
// (aws_default_security_group for a VPC's default group), its rules as
// the inline ingress and egress blocks.
func (c *collector) securityGroup(region string, sg ec2SecurityGroup) resource {
	typ := "aws_security_group"
	if sg.Name == "default" {
		typ = "aws_default_security_group"
	}
	return resource{typ: typ, name: region, key: sg.ID, attrs: withTags(map[string]any{
		"id": sg.ID, "arn": c.arn("ec2", region, "security-group/"+sg.ID),
		"name": sg.Name, "description": sg.Description,
		"vpc_id": sg.VpcID, "owner_id": sg.OwnerID,
		"ingress": permissions(sg.ID, sg.Ingress), "egress": permissions(sg.ID, sg.Egress),
		"revoke_rules_on_delete": nil,
	}, ec2Tags(sg.Tags)), unknown: []string{"name_prefix"}}
}

// permissions turns IP permissions into Terraform's rule blocks: one per
// permission, with every source of the permission and the first
// description.
func permissions(self string, perms []ec2Permission) []any {
	out := []any{}
	for _, p := range perms {
		from, to := int32(0), int32(0)
		if p.From != nil {
			from = *p.From
		}
		if p.To != nil {
			to = *p.To
		}
		rule := map[string]any{"protocol": p.Protocol, "from_port": num(from), "to_port": num(to), "self": false}
		var cidrs, cidrs6, lists, groups []string
		var desc string
		for _, r := range p.IPv4 {
			cidrs = append(cidrs, r.CIDR)
			desc = first(desc, r.Description)
		}
		for _, r := range p.IPv6 {
			cidrs6 = append(cidrs6, r.CIDR)
			desc = first(desc, r.Description)
		}
		for _, r := range p.PrefixLists {
			lists = append(lists, r.ID)
			desc = first(desc, r.Description)
		}
		for _, g := range p.Groups {
			desc = first(desc, g.Description)
			if g.GroupID == self {
				rule["self"] = true
				continue
			}
			groups = append(groups, g.GroupID)
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

func ec2Tags(tags []ec2Tag) map[string]any {
	return tagMap(len(tags), func(i int) (string, string) { return tags[i].Key, tags[i].Value })
}
