"""The pipeline reproduces data/ byte for byte, and only reads what it declares."""
import filecmp
import json

import pytest

from centralasia import pipeline
from centralasia.errors import DataError
from centralasia.paths import DATA_DIR, raw_dir

RAW = raw_dir()
needs_raw = pytest.mark.skipif(not RAW.is_dir(), reason=f"raw inputs absent ({RAW}): "
                               "cannot check that the pipeline reproduces data/")


@needs_raw
def test_pipeline_reproduces_data_byte_for_byte(tmp_path):
    pipeline.run(out_dir=tmp_path)
    committed = sorted(p.name for p in DATA_DIR.iterdir() if not p.name.startswith("."))
    rebuilt = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert rebuilt == committed
    _, mismatch, errors = filecmp.cmpfiles(DATA_DIR, tmp_path, committed, shallow=False)
    assert not mismatch and not errors, f"data/ differs from a fresh pipeline run: {mismatch}"


@needs_raw
def test_raw_hashes_in_the_package_match_the_raw_files():
    from centralasia.data import sha256
    package = json.loads((DATA_DIR / "datapackage.json").read_text())
    for resource in package["resources"]:
        for raw_file in resource["rawFiles"]:
            assert sha256(RAW / raw_file["path"]) == raw_file["sha256"], raw_file["path"]


def test_a_step_cannot_read_an_undeclared_raw_file(tmp_path):
    raw = pipeline.Raw(tmp_path, declared={"a/declared.csv"}, step="example")
    with pytest.raises(DataError, match="did not declare"):
        raw.path("b/other.csv")


def test_a_declared_but_absent_raw_file_is_named(tmp_path):
    raw = pipeline.Raw(tmp_path, declared={"a/declared.csv"}, step="example")
    with pytest.raises(DataError, match="raw input is missing"):
        raw.path("a/declared.csv")


def test_without_raw_inputs_the_pipeline_says_so(tmp_path):
    with pytest.raises(DataError, match="raw inputs are absent"):
        pipeline.run(out_dir=tmp_path / "out", raw_root=tmp_path / "nowhere")


def test_every_resource_has_a_unique_name_and_a_primary_key():
    names = [r.name for r in pipeline.all_resources()]
    assert len(names) == len(set(names))
    for resource in pipeline.all_resources():
        assert resource.primary_key, resource.name
        assert set(resource.primary_key) <= {f.name for f in resource.fields}, resource.name
