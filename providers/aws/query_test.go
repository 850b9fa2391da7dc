package aws

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestXMLError(t *testing.T) {
	tests := []struct {
		name, body, code, msg string
	}{
		{"ec2", `<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>no</Message></Error></Errors><RequestID>x</RequestID></Response>`, "UnauthorizedOperation", "no"},
		{"query", `<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>none</Message></Error></ErrorResponse>`, "NoSuchEntity", "none"},
		{"s3", `<?xml version="1.0"?><Error><Code>NoSuchPublicAccessBlockConfiguration</Code><Message>not found</Message></Error>`, "NoSuchPublicAccessBlockConfiguration", "not found"},
		{"not xml", `<html>bad gateway`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, msg := xmlError([]byte(tt.body))
			if code != tt.code || msg != tt.msg {
				t.Errorf("xmlError = %q, %q; want %q, %q", code, msg, tt.code, tt.msg)
			}
		})
	}
}

func TestQueryEndpoints(t *testing.T) {
	cfg := aws.Config{}
	tests := []struct {
		name string
		c    *queryClient
		want string
	}{
		{"ec2", newEC2Client(cfg, "eu-west-1"), "https://ec2.eu-west-1.amazonaws.com/"},
		{"rds china", newRDSClient(cfg, "cn-north-1"), "https://rds.cn-north-1.amazonaws.com.cn/"},
		{"iam", newIAMClient(cfg, "aws"), "https://iam.amazonaws.com/"},
		{"iam china", newIAMClient(cfg, "aws-cn"), "https://iam.cn-north-1.amazonaws.com.cn/"},
		{"iam govcloud", newIAMClient(cfg, "aws-us-gov"), "https://iam.us-gov.amazonaws.com/"},
		{"configured", newIAMClient(aws.Config{BaseEndpoint: aws.String("http://127.0.0.1:9/")}, "aws"), "http://127.0.0.1:9/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.endpoint(); got != tt.want {
				t.Errorf("endpoint = %q, want %q", got, tt.want)
			}
		})
	}
	if got := s3ControlEndpoint(nil, "123456789012", "eu-west-1"); got != "https://123456789012.s3-control.eu-west-1.amazonaws.com" {
		t.Errorf("S3 Control endpoint = %q", got)
	}
}
