"""``hasila export-onnx``: write a model's ONNX files (fp32 and dynamic int8) for ONNX Runtime."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export-onnx", help="export a trained model to ONNX (fp32 + dynamic int8)",
        description="Writes MODEL/onnx/model.onnx and model.int8.onnx (checked against the torch "
                    "model), for serving with ONNX Runtime (input_ids, attention_mask [, token_type_ids for a rules-hint model] -> logits). "
                    "hasila predict itself stays on torch: on CPUs with native bf16 the int8 file "
                    "only ties it (bench/results). Needs the optional extra: "
                    "pip install 'hasila[onnx]'.")
    p.add_argument("--model", required=True, metavar="DIR", help="model folder (from hasila train)")
    p.add_argument("--output", default=None, metavar="DIR",
                   help="output folder (default: MODEL/onnx)")
    p.add_argument("--no-quantize", action="store_true", help="fp32 only: no int8 file")
    p.add_argument("--opset", type=int, default=None, help="ONNX opset (default 18)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hasila.model.onnx_export import DEFAULT_OPSET, export_onnx

    result = export_onnx(args.model, args.output, quantize=not args.no_quantize,
                         opset=args.opset or DEFAULT_OPSET)
    print(f"fp32: {result.fp32} (max |logit diff| vs torch {result.fp32_max_abs_diff:.2g})")
    if result.int8 is not None:
        print(f"int8: {result.int8} (max |logit diff| {result.int8_max_abs_diff:.2g}, "
              f"argmax agreement {result.int8_argmax_agreement:.4f} on the check batch)")
    return 0
