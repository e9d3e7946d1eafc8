"""The ONNX paths against the torch reference; the export's fingerprint and its pooling."""

import json
import os
import shutil

import pytest

from summarizer.model.embedding import Encoder
from summarizer.model.model_files import read_model_files
from summarizer.model.onnx_export import export_path, exported_model, fingerprint, library_versions

from test_embedding import SENTENCES


@pytest.fixture(scope="module")
def reference():
    return Encoder(backend="torch").encode(SENTENCES)


@pytest.mark.slow  # exports the model (and loads torch)
@pytest.mark.parametrize("backend, floor", [("onnx", 0.9999), ("onnx-int8", 0.97), ("onnx-int8-rows", 0.97)])
def test_onnx_vectors_match_torch(reference, backend, floor):
    vectors = Encoder(backend=backend, cache_bytes=0).encode(SENTENCES)
    cosines = (vectors * reference).sum(axis=1)
    assert cosines.min() >= floor, cosines


def test_export_is_cached_on_disk():
    model = read_model_files(None)
    path = exported_model(model, "int8")
    assert path.exists() and path.stat().st_size < 40_000_000
    assert exported_model(model, "int8") == path


def model_copy(tmp_path, pooling: dict | None = None):
    """The packaged model's files linked into a folder of its own, with another pooling configuration if given."""
    source = read_model_files(None).path
    folder = tmp_path / "model"
    shutil.copytree(source, folder, copy_function=os.symlink)
    if pooling is not None:
        config = folder / "1_Pooling" / "config.json"
        settings = json.loads(config.read_text())
        config.unlink()
        settings.update(pooling)
        config.write_text(json.dumps(settings))
    return str(folder)


def test_the_fingerprint_follows_pooling_and_library_versions(tmp_path):
    model = read_model_files(None)
    versions = library_versions()
    same = fingerprint(model, "int8", versions)
    assert fingerprint(read_model_files(model_copy(tmp_path / "a")), "int8", versions) == same
    cls = read_model_files(model_copy(tmp_path / "b", {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}))
    assert cls.pooling == ("cls_token",)
    assert fingerprint(cls, "int8", versions) != same
    assert fingerprint(model, "int8", versions | {"onnxruntime": "0.0.1"}) != same
    assert fingerprint(model, "int8", versions | {"torch": "0.0.1"}) != same
    assert fingerprint(model, "fp32", versions) != same != fingerprint(model, "int8-rows", versions)


@pytest.mark.slow  # exports the model anew
def test_a_changed_pooling_is_exported_anew_and_matches_torch(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    folder = model_copy(tmp_path, {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True})
    onnx = Encoder(folder, backend="onnx", cache_bytes=0)
    assert export_path(onnx.model, "fp32").exists()
    reference = Encoder(folder, backend="torch").encode(SENTENCES[:6])
    vectors = onnx.encode(SENTENCES[:6])
    assert ((vectors * reference).sum(axis=1)).min() >= 0.9999
    mean = Encoder(backend="onnx", cache_bytes=0).encode(SENTENCES[:6])
    assert ((vectors * mean).sum(axis=1)).max() < 0.99


def test_unknown_backend_is_an_input_error():
    from summarizer import InputError

    with pytest.raises(InputError):
        Encoder(backend="gpu")
