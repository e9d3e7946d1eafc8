"""int8 matrix products whose result for one token depends on that token alone.

Every product of an activation with a weight matrix in the exported graph is rewritten as an integer product: the
weights are stored as int8 with one scale per output column; at run time each token's activation row is scaled by its
own largest magnitude and rounded to 8 bits. A per-tensor scale (what dynamic quantization computes) would mix every
token of the batch into every other token's rounding, so a sentence's vector would depend on its batch-mates; with
one scale per row, integer arithmetic is exact and the rest of the graph is row by row, so sentences can be batched
and each still gets the vector it gets alone. The token table is stored the same way, one scale per token, and a
token's row is scaled back as it is looked up.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

ZERO_POINT = 128  # activations are stored as uint8 around 128: the unsigned-by-signed kernels are the fast ones


def _int8(values: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """`values` as int8 with one scale along `axis` (0: one per column, 1: one per row), and those scales."""
    scale = np.maximum(np.abs(values).max(axis=axis, keepdims=True), 1e-12) / 127
    return np.clip(np.round(values / scale), -127, 127).astype(np.int8), scale.astype(np.float32)


def _weight_products(graph, weights: dict) -> set[int]:
    """Positions of the products of an activation with a weight matrix."""
    return {number for number, node in enumerate(graph.node) if node.op_type == "MatMul"
            and node.input[1] in weights and len(weights[node.input[1]].dims) == 2}


def _token_table(graph, weights: dict) -> int | None:
    """Position of the lookup in the largest table (the token embeddings), if there is one."""
    lookups = [(int(np.prod(weights[node.input[0]].dims)), number) for number, node in enumerate(graph.node)
               if node.op_type == "Gather" and node.input[0] in weights and len(weights[node.input[0]].dims) == 2
               and all(attribute.i == 0 for attribute in node.attribute if attribute.name == "axis")]
    return max(lookups)[1] if lookups else None


def quantize_rows(source: Path, target: Path) -> int:
    """Write `source` (an fp32 ONNX model) to `target` with its weight products in int8; returns how many."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    weights = {tensor.name: tensor for tensor in graph.initializer}
    rewritten = _weight_products(graph, weights)
    table = _token_table(graph, weights)

    def constant(name: str, value) -> str:
        graph.initializer.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    one_127th = constant("rows/one_127th", np.float32(1 / 127))
    smallest = constant("rows/smallest", np.float32(1e-30))
    offset = constant("rows/offset", np.float32(ZERO_POINT + 0.5))  # + 0.5 then truncation: rounding to nearest
    zero_point = constant("rows/zero_point", np.uint8(ZERO_POINT))
    quantized: dict[str, tuple[str, str]] = {}  # activation -> (its uint8 rows, their scales)
    nodes = []
    for number, node in enumerate(graph.node):
        if number == table:
            integers, token_scale = _int8(numpy_helper.to_array(weights[node.input[0]]).astype(np.float32), axis=1)
            nodes += [
                helper.make_node("Gather", [constant("rows/table", integers), node.input[1]], ["rows/table/rows"]),
                helper.make_node("Gather", [constant("rows/table_scale", token_scale), node.input[1]],
                                 ["rows/table/scales"]),
                helper.make_node("Cast", ["rows/table/rows"], ["rows/table/float"], to=TensorProto.FLOAT),
                helper.make_node("Mul", ["rows/table/float", "rows/table/scales"], [node.output[0]]),
            ]
            continue
        if number not in rewritten:
            nodes.append(node)
            continue
        activation, output = node.input[0], node.output[0]
        if activation not in quantized:  # the query, key and value products share one rounding of their input
            name = f"rows/{len(quantized)}"
            nodes += [
                helper.make_node("Abs", [activation], [f"{name}/abs"]),
                helper.make_node("ReduceMax", [f"{name}/abs"], [f"{name}/largest"], keepdims=1, axes=[-1]),
                helper.make_node("Max", [f"{name}/largest", smallest], [f"{name}/bounded"]),
                helper.make_node("Mul", [f"{name}/bounded", one_127th], [f"{name}/scale"]),
                helper.make_node("Div", [activation, f"{name}/scale"], [f"{name}/scaled"]),
                helper.make_node("Add", [f"{name}/scaled", offset], [f"{name}/shifted"]),
                helper.make_node("Cast", [f"{name}/shifted"], [f"{name}/uint8"], to=TensorProto.UINT8),
            ]
            quantized[activation] = (f"{name}/uint8", f"{name}/scale")
        rows, row_scale = quantized[activation]
        integers, column_scale = _int8(numpy_helper.to_array(weights[node.input[1]]).astype(np.float32), axis=0)
        name = f"rows/product{number}"
        nodes += [
            helper.make_node("MatMulInteger", [rows, constant(f"{name}/weight", integers), zero_point], [f"{name}/sum"]),
            helper.make_node("Cast", [f"{name}/sum"], [f"{name}/float"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [f"{name}/float", constant(f"{name}/column_scale", column_scale[0])],
                             [f"{name}/columns"]),
            helper.make_node("Mul", [f"{name}/columns", row_scale], [output]),
        ]
    del graph.node[:]
    graph.node.extend(nodes)
    used = {name for node in graph.node for name in node.input}
    kept = [tensor for tensor in graph.initializer if tensor.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return len(rewritten)
