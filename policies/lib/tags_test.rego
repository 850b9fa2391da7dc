package annexa.lib.tags_test

import data.annexa.lib.tags
import data.annexa.lib.testing

test_aws_resources_only if {
	facts := testing.facts([
		testing.resource("aws_s3_bucket", "a", {}),
		testing.resource("random_id", "b", {}),
		testing.resource("aws_db_instance", "c", {}),
	])
	{r.id | some r in tags.aws_resources} == {"aws_s3_bucket.a", "aws_db_instance.c"} with data.facts as facts
}

test_known if {
	tags.known(testing.resource("aws_s3_bucket", "a", {"tags_all": {}}))
	not tags.known(testing.resource("aws_s3_bucket", "a", {"tags": {"asset": "X"}}))
	not tags.known(object.union(testing.resource("aws_s3_bucket", "a", {"tags_all": {"Name": "a"}}), {"unknown": ["tags_all.asset"]}))
	not tags.known(object.union(testing.resource("aws_s3_bucket", "a", {}), {"unknown": ["tags_all"]}))
	tags.known(object.union(testing.resource("aws_s3_bucket", "a", {"tags_all": {}}), {"unknown": ["tags_allowed"]}))
}

test_values_match_key_variants if {
	r := testing.resource("aws_s3_bucket", "a", {"tags_all": {"Asset_ID": "A1", "asset": "A2", "Owner": "x", "assets": "no"}})
	tags.values(r, {"asset", "assetid"}) == {"A1", "A2"}
}
