"""python -m eval.quantization --data FILE.jsonl [--sentences 1000] [--batch 16]

Would static (calibrated) int8 let sentences run in batches, bit for bit as alone, and faster than the default
export that runs each sentence alone? Side by side on one core, for the default int8 export (activations scaled per
run) and for static int8 exports of the fp32 model (weights int8 per channel, activations uint8 with scales
calibrated once on the sample articles in seeds/, the attention products left in fp32 as in the default):
- cosine to the torch model over the first --sentences sentences of FILE: mean, 1st percentile, least;
- whether each sentence's vector in a batch of one padded length is the one it gets alone, bit for bit;
- sentences/s alone and in batches of --batch.
The static exports are written to a temporary folder and deleted.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from summarizer.model.model_files import read_model_files
from summarizer.model.onnx_backend import SLOW_FUSIONS, padded_length
from summarizer.model.onnx_export import exported_model
from summarizer.reading.sentences import readable, split_sentences

from .data import load_clusters

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CALIBRATION_WIDTH = 96  # calibration runs at one width (the percentile method needs tensors of one shape)
# Static variants: (name, calibration method, the weight products left in fp32: none, or the feed-forward output's).
STATIC = (("static-minmax", "MinMax", False), ("static-percentile", "Percentile", False),
          ("static-minmax, feed-forward output in fp32", "MinMax", True))


def sentences_of(path: str, count: int) -> list[str]:
    found: list[str] = []
    for cluster in load_clusters(path):
        for document in cluster.documents:
            found += [readable(s.text) for s in split_sentences(document) if len(s.text.split()) >= 3]
        if len(found) >= count:
            break
    return found[:count]


class Runner:
    """One single-threaded ONNX Runtime session, fed as the engine feeds it."""

    def __init__(self, path: Path, tokenizer):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"],
                                                    disabled_optimizers=SLOW_FUSIONS)
        self.inputs = [node.name for node in self.session.get_inputs()]
        self.tokenizer = tokenizer

    def feeds(self, texts: list[str], width: int | None = None) -> dict:
        encodings = self.tokenizer.encode_batch(texts)
        if self.inputs == ["input_ids"]:  # the default export: one sentence, no padding
            return {"input_ids": np.array([encodings[0].ids], dtype=np.int64)}
        width = width or padded_length(max(len(e.ids) for e in encodings))
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, :len(encoding.ids)] = encoding.ids[:width]
            mask[row, :len(encoding.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return {name: feeds[name] for name in self.inputs}

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.session.run(None, self.feeds(texts))[0]


def static_export(fp32: Path, target: Path, method: str, ffn_in_fp32: bool, tokenizer) -> None:
    import onnx
    from onnxruntime.quantization import (CalibrationDataReader, CalibrationMethod, QuantFormat, QuantType,
                                          quantize_static)

    calibration = [s.text for path in sorted(SEEDS.glob("*")) for s in split_sentences(path.read_text())]
    probe = Runner(fp32, tokenizer)

    class Reader(CalibrationDataReader):
        def __init__(self):
            self.items = iter([probe.feeds([text], CALIBRATION_WIDTH) for text in calibration])

        def get_next(self):
            return next(self.items, None)

    model = onnx.load(str(fp32))
    weights = {initializer.name for initializer in model.graph.initializer}
    excluded = [node.name for node in model.graph.node if node.op_type == "MatMul" and (
        not any(name in weights for name in node.input)
        or ffn_in_fp32 and "/output/dense/" in node.name and "/attention/" not in node.name)]
    logging.getLogger().setLevel(logging.ERROR)
    quantize_static(str(fp32), str(target), Reader(), quant_format=QuantFormat.QOperator, per_channel=True,
                    weight_type=QuantType.QInt8, activation_type=QuantType.QUInt8, op_types_to_quantize=["MatMul"],
                    nodes_to_exclude=excluded, calibrate_method=getattr(CalibrationMethod, method),
                    extra_options={"MatMulConstBOnly": True})


def measure(runner: Runner, texts: list[str], reference: np.ndarray, batch: int) -> dict:
    began = time.perf_counter()
    alone = np.concatenate([runner.embed([text]) for text in texts])
    alone_rate = len(texts) / (time.perf_counter() - began)
    cosine = (alone * reference).sum(axis=1)
    result = {"mean": float(cosine.mean()), "p1": float(np.percentile(cosine, 1)), "least": float(cosine.min()),
              "alone": alone_rate, "batched": None, "identical": None}
    if runner.inputs != ["input_ids"]:
        lengths = [padded_length(len(e.ids)) for e in runner.tokenizer.encode_batch(texts)]
        groups: dict[int, list[int]] = {}
        for row, length in enumerate(lengths):
            groups.setdefault(length, []).append(row)
        batched = np.empty_like(alone)
        began = time.perf_counter()
        for rows in groups.values():
            for start in range(0, len(rows), batch):
                part = rows[start:start + batch]
                batched[part] = runner.embed([texts[row] for row in part])
        result["batched"] = len(texts) / (time.perf_counter() - began)
        result["identical"] = bool(np.array_equal(alone, batched))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.quantization", description=__doc__.splitlines()[2])
    parser.add_argument("--data", required=True)
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args(argv)
    from tokenizers import Tokenizer

    from summarizer.model.torch_backend import TorchBackend

    model = read_model_files(None)
    tokenizer = Tokenizer.from_file(f"{model.path}/tokenizer.json")
    tokenizer.enable_truncation(model.max_tokens)
    tokenizer.no_padding()
    texts = sentences_of(args.data, args.sentences)
    reference = TorchBackend(model).embed(texts)
    rows = [("int8 (default: per run, each sentence alone)", measure(Runner(exported_model(model, "int8"), tokenizer),
                                                                     texts, reference, args.batch))]
    fp32 = exported_model(model, "fp32")
    with tempfile.TemporaryDirectory() as folder:
        for name, method, ffn in STATIC:
            target = Path(folder) / f"{method}-{ffn}.onnx"
            static_export(fp32, target, method, ffn, tokenizer)
            rows.append((name, measure(Runner(target, tokenizer), texts, reference, args.batch)))
    print(f"{len(texts)} sentences of {args.data}; one core\n")
    print(f"| export | cosine to torch: mean, 1st percentile, least | batched = alone | sentences/s alone | "
          f"in batches of {args.batch} |")
    print("|---|---|---|---|---|")
    for name, found in rows:
        batched = "—" if found["batched"] is None else f"{found['batched']:.0f}"
        identical = "—" if found["identical"] is None else ("yes" if found["identical"] else "no")
        print(f"| {name} | {found['mean']:.4f}, {found['p1']:.4f}, {found['least']:.4f} | {identical} | "
              f"{found['alone']:.0f} | {batched} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
