#!/usr/bin/env python3
# ship_checkpoint.py IN OUT: copies a checkpoint to ship as a default model, with its provenance.data made relative to
# the repository (data/<dataset>) instead of the machine's absolute path. The header keeps its length (padded with
# spaces, as safetensors allows), so every tensor byte stays where it was. Used for models/sudoku-9x9:
#   python3 training/ship_checkpoint.py runs/sudoku-9x9-easy-128/checkpoints/step_3000.safetensors \
#       sample-puzzles/src/main/resources/org/hrmlab/puzzles/models/sudoku-9x9/model.safetensors
import json
import struct
import sys

src, dst = sys.argv[1], sys.argv[2]
b = open(src, 'rb').read()
n = struct.unpack('<Q', b[:8])[0]
h = json.loads(b[8:8 + n])
old = h['__metadata__']['provenance.data']
h['__metadata__']['provenance.data'] = 'data/' + old.rstrip('/').split('/')[-1]
t = json.dumps(h, separators=(',', ':'), ensure_ascii=False).encode()
if len(t) > n:
    sys.exit('ship_checkpoint.py: the new header is longer than the old one')
open(dst, 'wb').write(b[:8] + t + b' ' * (n - len(t)) + b[8 + n:])
print(old, '->', h['__metadata__']['provenance.data'])
