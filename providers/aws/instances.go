package aws

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// instanceUnread are the attributes of aws_instance that DescribeInstances
// does not tell (they need a call per instance): they stay unknown.
var instanceUnread = []string{"user_data", "user_data_base64", "disable_api_termination", "disable_api_stop"}

// readInstances reads the region's instances that are not terminated or
// being terminated, as Terraform's state holds no others.
func (c *collector) readInstances(ctx context.Context, client *queryClient) ([]ec2Instance, error) {
	var out []ec2Instance
	err := ec2Pages(ctx, client, c, "DescribeInstances", nil, 1000, func(page *ec2Reservations) string {
		for _, r := range page.Items {
			for _, in := range r.Instances {
				if in.State != "terminated" && in.State != "shutting-down" {
					out = append(out, in)
				}
			}
		}
		return page.Next
	})
	return out, err
}

// instance models an EC2 instance as Terraform's aws_instance. Its block
// devices' encryption is not in DescribeInstances: it is the encryption
// of their volumes as DescribeVolumes gives it, and when a volume is
// not among them, the instance's block devices stay unknown rather than
// be judged unencrypted.
func (c *collector) instance(region string, in ec2Instance, volumes map[string]ec2Volume) resource {
	groups := make([]string, 0, len(in.Groups))
	for _, g := range in.Groups {
		groups = append(groups, g.ID)
	}
	slices.Sort(groups)
	profile := ""
	if in.Profile != "" {
		profile = in.Profile[strings.LastIndex(in.Profile, "/")+1:]
	}
	public := false
	for _, ni := range in.Interfaces {
		if ni.DeviceIndex != nil && *ni.DeviceIndex == 0 && ni.PublicIP != "" {
			public = true
		}
	}
	attrs := map[string]any{
		"id": in.ID, "arn": c.arn("ec2", region, "instance/"+in.ID),
		"ami": in.AMI, "instance_type": in.Type, "availability_zone": in.Zone,
		"subnet_id": in.SubnetID, "key_name": in.KeyName, "private_ip": in.PrivateIP, "public_ip": in.PublicIP,
		"associate_public_ip_address": public, "iam_instance_profile": profile,
		"monitoring":             in.Monitoring == "enabled" || in.Monitoring == "pending",
		"ebs_optimized":          boolean(in.EBSOptimized),
		"instance_state":         in.State,
		"vpc_security_group_ids": stringList(groups),
		"metadata_options":       metadataOptions(in.Metadata),
	}
	unknown := slices.Clone(instanceUnread)
	root, ebs := []any{}, []any{}
	devicesKnown := true
	for _, d := range in.Devices {
		if d.VolumeID == "" {
			continue
		}
		v, ok := volumes[d.VolumeID]
		if !ok || v.Encrypted == nil {
			devicesKnown = false
			continue
		}
		dev := map[string]any{
			"device_name": d.Name, "volume_id": d.VolumeID, "encrypted": *v.Encrypted,
			"kms_key_id": str(v.KmsKeyID), "volume_size": numPtr(v.Size), "volume_type": v.Type,
			"iops": numPtr(v.Iops), "throughput": numPtr(v.Throughput),
			"delete_on_termination": boolean(d.DeleteOnTerminate),
		}
		if d.Name == in.RootDevice && in.RootType != "instance-store" {
			root = append(root, dev)
			continue
		}
		dev["snapshot_id"] = v.SnapshotID
		ebs = append(ebs, dev)
	}
	if devicesKnown {
		attrs["root_block_device"], attrs["ebs_block_device"] = root, ebs
	} else {
		unknown = append(unknown, "root_block_device", "ebs_block_device")
	}
	return resource{typ: "aws_instance", name: region, key: in.ID, attrs: withTags(attrs, ec2Tags(in.Tags)), unknown: unknown}
}

// rootVolumes are the ids of the instances' root volumes, which Terraform
// models as the instance's root_block_device, never as aws_ebs_volume.
func rootVolumes(instances []ec2Instance) map[string]bool {
	out := map[string]bool{}
	for _, in := range instances {
		for _, d := range in.Devices {
			if d.Name == in.RootDevice && d.VolumeID != "" {
				out[d.VolumeID] = true
			}
		}
	}
	return out
}

// metadataOptions is the metadata_options block of an instance or a
// launch template; empty when the answer has none.
func metadataOptions(m *ec2MetadataOptions) []any {
	if m == nil || (m.HTTPTokens == "" && m.HTTPEndpoint == "") {
		return []any{}
	}
	return []any{map[string]any{
		"http_tokens": m.HTTPTokens, "http_endpoint": m.HTTPEndpoint,
		"http_put_response_hop_limit": numPtr(m.HopLimit),
		"http_protocol_ipv6":          m.IPv6, "instance_metadata_tags": m.Tags,
	}}
}

// launchTemplates reads the region's launch templates with their default
// versions, as Terraform's aws_launch_template: DescribeLaunchTemplates
// for the templates, and DescribeLaunchTemplateVersions for the default
// version of every template at once.
func (c *collector) launchTemplates(ctx context.Context, client *queryClient, region string) ([]resource, error) {
	var templates []ec2LaunchTemplate
	err := ec2Pages(ctx, client, c, "DescribeLaunchTemplates", nil, 200, func(page *ec2LaunchTemplates) string {
		templates = append(templates, page.Items...)
		return page.Next
	})
	if err != nil || len(templates) == 0 {
		return nil, err
	}
	versions := map[string]ec2LaunchTemplateVersion{}
	err = ec2Pages(ctx, client, c, "DescribeLaunchTemplateVersions", url.Values{"LaunchTemplateVersion.1": {"$Default"}}, 200, func(page *ec2LaunchTemplateVersions) string {
		for _, v := range page.Items {
			versions[v.TemplateID] = v
		}
		return page.Next
	})
	if err != nil {
		return nil, err
	}
	rs := make([]resource, 0, len(templates))
	for _, t := range templates {
		attrs := map[string]any{
			"id": t.ID, "arn": c.arn("ec2", region, "launch-template/"+t.ID), "name": t.Name,
			"default_version": numPtr(t.Default), "latest_version": numPtr(t.Latest),
		}
		unknown := []string{"name_prefix", "update_default_version", "user_data"}
		v, ok := versions[t.ID]
		if !ok {
			// No default version answered (the template deleted meanwhile):
			// what it launches is not known.
			unknown = append(unknown, "metadata_options", "block_device_mappings", "image_id", "instance_type",
				"key_name", "ebs_optimized", "monitoring", "iam_instance_profile", "vpc_security_group_ids", "description")
			rs = append(rs, resource{typ: "aws_launch_template", name: region, key: t.ID, attrs: withTags(attrs, ec2Tags(t.Tags)), unknown: unknown})
			continue
		}
		d := v.Data
		attrs["description"] = v.Description
		attrs["image_id"], attrs["instance_type"], attrs["key_name"] = d.AMI, d.Type, d.KeyName
		attrs["ebs_optimized"] = ""
		if d.EBSOptimized != nil {
			attrs["ebs_optimized"] = strconv.FormatBool(*d.EBSOptimized)
		}
		attrs["metadata_options"] = metadataOptions(d.Metadata)
		attrs["monitoring"] = []any{}
		if d.Monitoring != nil {
			attrs["monitoring"] = []any{map[string]any{"enabled": *d.Monitoring}}
		}
		attrs["iam_instance_profile"] = []any{}
		if d.ProfileArn != "" || d.ProfileName != "" {
			attrs["iam_instance_profile"] = []any{map[string]any{"arn": d.ProfileArn, "name": d.ProfileName}}
		}
		groups := slices.Clone(d.Groups)
		slices.Sort(groups)
		attrs["vpc_security_group_ids"] = stringList(groups)
		mappings := []any{}
		for _, m := range d.Mappings {
			ebs := []any{}
			if e := m.EBS; e != nil {
				// Terraform holds a launch template's tri-state booleans as
				// strings: "true", "false", or "" when not set.
				ebs = append(ebs, map[string]any{
					"encrypted": triState(e.Encrypted), "delete_on_termination": triState(e.DeleteOnTerminate),
					"iops": numPtr(e.Iops), "kms_key_id": e.KmsKeyID, "snapshot_id": e.SnapshotID,
					"throughput": numPtr(e.Throughput), "volume_size": numPtr(e.Size), "volume_type": e.Type,
				})
			}
			mappings = append(mappings, map[string]any{
				"device_name": m.Name, "no_device": m.NoDevice, "virtual_name": m.VirtualName, "ebs": ebs,
			})
		}
		attrs["block_device_mappings"] = mappings
		rs = append(rs, resource{typ: "aws_launch_template", name: region, key: t.ID, attrs: withTags(attrs, ec2Tags(t.Tags)), unknown: unknown})
	}
	return rs, nil
}

// triState is a launch template's optional boolean as Terraform holds it.
func triState(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}
