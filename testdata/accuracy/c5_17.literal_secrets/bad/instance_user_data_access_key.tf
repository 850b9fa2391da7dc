# An EC2 instance whose boot script exports an AWS access key id (a fake
# one, matching gitleaks' aws-access-token rule and not its EXAMPLE
# allowlist) instead of taking credentials from an instance profile.
# annexa-accuracy: needs user_data
resource "aws_instance" "worker" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }

  user_data = <<-SCRIPT
    #!/bin/bash
    set -euo pipefail
    export AWS_DEFAULT_REGION=eu-west-1
    export AWS_ACCESS_KEY_ID=AKIAFAKE2ANNEXA7TEST
    aws s3 cp s3://acme-artifacts/worker.tar.gz /opt/worker.tar.gz
    tar -xzf /opt/worker.tar.gz -C /opt
    systemctl start worker
  SCRIPT
}
