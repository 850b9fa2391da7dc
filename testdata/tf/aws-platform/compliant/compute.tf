# --- CI runners (8.9) ----------------------------------------------------

# The self-hosted CI runners run the tools/ci-runner image on instances
# that their Auto Scaling group (in the acme-ci stack) launches from this
# template.
resource "aws_launch_template" "ci_runner" {
  name          = "${local.name}-ci-runner"
  description   = "Self-hosted CI runners"
  image_id      = "ami-0a8f2c4e6b1d3f5a7"
  instance_type = "c7g.xlarge"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = 100
      volume_type           = "gp3"
      encrypted             = "true"
      delete_on_termination = "true"
    }
  }

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2 # the job containers reach it through the Docker bridge
  }

  tags = { Name = "${local.name}-ci-runner" }
}
