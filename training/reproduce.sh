#!/usr/bin/env bash
# reproduce.sh sudoku|sudoku9|sudoku9-eval|sudoku9-minimal-data|sudoku9-minimal|sudoku9-s3-data|sudoku9-s3|sudoku9-s4|sudoku9-s5-data|sudoku9-s5|sudoku9-s6-data|sudoku9-s6|sudoku9-s7-data|sudoku9-s7|sudoku9-s8-data|sudoku9-s8|sudoku9-s9-data|sudoku9-s9|sudoku9-s10|trm|trm9|trm9-minimal|trm9-s3|maze|maze5|maze7-30k|maze7-30k-s2|maze7-30k-s3|maze7-val|maze15-val|maze9-data|maze9-from-7x7|maze11-data|maze11-from-9x9|maze13-data|maze13-from-11x11|maze15-from-13x13|maze15-s2|maze15-s3|maze15-s4-data|maze15-s4|maze30-data|maze30-from-15x15|trm-maze7|maze15|maze15-data|maze15-small|maze15-canvas|maze15-any|arc|arc10|arc10-data|arc10-eval|arc10-eval-s2|arc10-eval-data: regenerates the data of one default model and trains it, from the repository root
# (sudoku9-eval, maze7-val and maze15-val: build further held-out sets for the sudoku9, 7x7 and 15x15 maze models, no
# training).
# Data goes to data/<name>/ and the run to runs/<name>/ (both outside version control); the shipped model is the
# checkpoint named in the model card (sample-puzzles/src/main/resources/org/hrmlab/puzzles/models/<name>/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# HRMLAB: the command that runs hrmlab (default ./hrmlab; the GPU scripts set a bundled runtime's)
hrmlab() { (set -f; ${HRMLAB:-./hrmlab} "$@"); }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# maze_data SIZE [TRAIN TEST [NAME [TRAIN_DIFFICULTY TRAIN_SEED]]]: TRAIN training mazes (default 2,000 hard ones;
# seed 1) and TEST hard test mazes (default 600; seed 2), repeats dropped, the dihedral augmentations, test mazes that
# are a training maze up to symmetry dropped; written to data/NAME (default maze-SIZExSIZE-hard)
maze_data() {
    hrmlab dataset generate --kind maze --size "$1" --count "${2:-2000}" --difficulty "${5:-hard}" --seed "${6:-1}" \
        --out "$tmp/train.csv"
    hrmlab dataset generate --kind maze --size "$1" --count "${3:-600}" --difficulty hard --seed 2 --out "$tmp/test.csv"
    training/disjoint.sh "$tmp/train.csv" "$tmp/test.csv" "$tmp/csv"
    hrmlab dataset build --kind maze --from "$tmp/csv" --aug 1 --disjoint --out "data/${4:-maze-$1x$1-hard}"
}
# maze_val SIZE TRAIN NAME: data/NAME: 1,500 hard SIZExSIZE mazes (seed 3, neither the training nor the test seed of
# maze_data) minus repeats and any that is one of maze_data's TRAIN training or 1,000 test mazes up to symmetry (its
# train split: both), a held-out set that chose nothing
maze_val() {
    hrmlab dataset generate --kind maze --size "$1" --count "$2" --difficulty hard --seed 1 --out "$tmp/train.csv"
    hrmlab dataset generate --kind maze --size "$1" --count 1000 --difficulty hard --seed 2 --out "$tmp/test.csv"
    hrmlab dataset generate --kind maze --size "$1" --count 1500 --difficulty hard --seed 3 --out "$tmp/val.csv"
    tail -n +2 "$tmp/test.csv" >> "$tmp/train.csv"
    training/disjoint.sh "$tmp/train.csv" "$tmp/val.csv" "$tmp/csv"
    hrmlab dataset build --kind maze --from "$tmp/csv/train.csv" --test-from "$tmp/csv/test.csv" --aug 1 --disjoint \
        --out "data/$3"
}
# canvas_maze_data: data/maze-15x15-canvas-30k: 5,000 hard mazes of each side 5, 7, 9, 11, 13 and 15 (seed 2100 +
# side), repeats dropped, on one 15x15 canvas (offsets seed 21) with the dihedral augmentations; as its test split the
# 1,000 hard 15x15 test mazes of maze15-data (seed 2), any that is a training maze up to symmetry dropped
canvas_maze_data() {
    for side in 5 7 9 11 13 15; do
        hrmlab dataset generate --kind maze --size "$side" --count 5000 --difficulty hard --seed $((2100 + side)) \
            --out "$tmp/side$side.csv"
    done
    head -n 1 "$tmp/side5.csv" > "$tmp/train.csv"
    for side in 5 7 9 11 13 15; do
        tail -n +2 "$tmp/side$side.csv" >> "$tmp/train.csv"
    done
    hrmlab dataset generate --kind maze --size 15 --count 1000 --difficulty hard --seed 2 --out "$tmp/test.csv"
    training/disjoint.sh "$tmp/train.csv" "$tmp/test.csv" "$tmp/csv"
    hrmlab dataset build --kind maze --from "$tmp/csv" --aug 1 --disjoint --canvas 15 --seed 21 \
        --out data/maze-15x15-canvas-30k
}
# minimal_data [COUNT SEED NAME [EXTRA_CSV]]: data/NAME (default sudoku-9x9-minimal-20k): COUNT training puzzles with
# minimal givens (default 20,000; seed 11), and EXTRA_CSV's puzzles after them, 8 relabellings each; as its test split
# the 1,000 of data/sudoku-9x9-minimal-test (seed 3), any training puzzle that is one of them up to relabelling
# dropped: the data of training/sudoku-9x9-minimal-192.yaml (a GPU-sized model) and of both 9x9 second stages
minimal_data() {
    hrmlab dataset generate --kind sudoku --size 9 --count "${1:-20000}" --difficulty minimal --seed "${2:-11}" \
        --out "$tmp/train.csv"
    if [ -n "${4:-}" ]; then
        tail -n +2 "$4" >> "$tmp/train.csv"
    fi
    hrmlab dataset generate --kind sudoku --size 9 --count 1000 --difficulty minimal --seed 3 --out "$tmp/test.csv"
    training/disjoint.sh "$tmp/train.csv" "$tmp/test.csv" "$tmp/minimal"
    hrmlab dataset build --kind sudoku --from "$tmp/minimal" --aug 8 --disjoint --out "data/${3:-sudoku-9x9-minimal-20k}"
}
# sudoku_data: 3,000 training 4x4 Sudokus (seed 1), 1,000 test ones (seed 2), repeats dropped, 8 relabellings;
# written to data/sudoku-4x4-medium
sudoku_data() {
    hrmlab dataset generate --kind sudoku --size 4 --count 3000 --difficulty medium --seed 1 --out "$tmp/train.csv"
    hrmlab dataset generate --kind sudoku --size 4 --count 1000 --difficulty medium --seed 2 --out "$tmp/test.csv"
    training/disjoint.sh "$tmp/train.csv" "$tmp/test.csv" "$tmp/csv"
    hrmlab dataset build --kind sudoku --from "$tmp/csv" --aug 8 --out data/sudoku-4x4-medium
}
# sudoku9_csv: the 40,000 distinct training and 1,000 unseen test puzzles of data/sudoku-9x9-easy-40k, as CSVs in
# $tmp/sudoku9 (train.csv, test.csv); the same commands and seeds every time
sudoku9_csv() {
    hrmlab dataset generate --kind sudoku --size 9 --count 40000 --difficulty easy --seed 1 --out "$tmp/train.csv"
    hrmlab dataset generate --kind sudoku --size 9 --count 1000 --difficulty easy --seed 2 --out "$tmp/test.csv"
    training/disjoint.sh "$tmp/train.csv" "$tmp/test.csv" "$tmp/sudoku9"
}
# minimal_easy_data SEED NAME: data/NAME: 100,000 minimal-givens puzzles (seed SEED) and the 40,000 easy training
# puzzles of data/sudoku-9x9-easy-40k (so that the easy ones stay solved), 8 relabellings each; as its test split the
# 1,000 of data/sudoku-9x9-minimal-test, none of them, nor a relabelling of one, in training
minimal_easy_data() {
    sudoku9_csv
    minimal_data 100000 "$1" "$2" "$tmp/sudoku9/train.csv"
}
# s3_data: the third stage of the 9x9 TRM and HRM (seed 12), also the HRM's fourth
s3_data() { minimal_easy_data 12 sudoku-9x9-minimal-100k-easy; }
# s5_data: the 9x9 HRM's fifth stage: 100,000 other minimal-givens puzzles (seed 13), unseen by its third and fourth
s5_data() { minimal_easy_data 13 sudoku-9x9-minimal-100k-s13-easy; }
# s6_data: the 9x9 HRM's sixth stage: 100,000 minimal-givens puzzles of yet another seed (14), unseen by stages 3 to 5
s6_data() { minimal_easy_data 14 sudoku-9x9-minimal-100k-s14-easy; }
# s7_data: the 9x9 HRM's seventh stage: 100,000 minimal-givens puzzles of seed 15, unseen by stages 3 to 6
s7_data() { minimal_easy_data 15 sudoku-9x9-minimal-100k-s15-easy; }
# s8_data: the 9x9 HRM's eighth stage: 100,000 minimal-givens puzzles of seed 16, unseen by stages 3 to 7
s8_data() { minimal_easy_data 16 sudoku-9x9-minimal-100k-s16-easy; }
# s9_data: the 9x9 HRM's ninth stage: 100,000 minimal-givens puzzles of seed 17, unseen by stages 3 to 8
s9_data() { minimal_easy_data 17 sudoku-9x9-minimal-100k-s17-easy; }
# minimal_heldout SEED NAME: data/NAME: 1,000 minimal-givens puzzles (seed SEED) as its test split, the 40,000 easy
# training puzzles of sudoku9_csv (already in $tmp/sudoku9) as its train split, any test puzzle that is one of them, or
# a relabelling of one, dropped
minimal_heldout() {
    hrmlab dataset generate --kind sudoku --size 9 --count 1000 --difficulty minimal --seed "$1" --out "$tmp/$2.csv"
    training/disjoint.sh "$tmp/sudoku9/train.csv" "$tmp/$2.csv" "$tmp/$2"
    hrmlab dataset build --kind sudoku --from "$tmp/$2" --aug 0 --disjoint --out "data/$2"
}
# after RUN STEP ENTRY [ARGS...]: reproduce.sh ENTRY [ARGS...] first, unless runs/RUN already has its step STEP checkpoint
after() {
    [ -f "runs/$1/checkpoints/step_$2.safetensors" ] || "$0" "${@:3}"
}
# hrm9_stage PREV PREV_ENTRY DATA MAKE_DATA RUN [ARGS...]: one later stage of the 9x9 HRM: reproduce.sh PREV_ENTRY first
# (when runs/PREV has no step 8,750; the shipped models/sudoku-9x9 file holds the tensors of the newest shipped stage),
# data/DATA (MAKE_DATA, when not there), then training/RUN.yaml; resumable
hrm9_stage() {
    after "$1" 8750 "$2"
    [ -d "data/$3" ] || "$4"
    train_resumable "$5" "${@:6}"
}
# curriculum_step PREV STEP PREV_ENTRY SIZE RUN [ARGS...]: one step of the maze size curriculum: PREV_ENTRY run to
# STEP first (when runs/PREV has no step STEP), data/maze-SIZExSIZE-hard-30k (maze_data, when not there), then
# training/RUN.yaml, whose init_checkpoint is that step; resumable
curriculum_step() {
    after "$1" "$2" "$3" --stop-at "$2"
    [ -d "data/maze-$4x$4-hard-30k" ] || maze_data "$4" 30000 1000 "maze-$4x$4-hard-30k"
    train_resumable "$5" "${@:6}"
}
# maze15_s3_bf16: the shipped maze-15x15 (maze15-s3's end, step 1,875, stored as bfloat16) at
# runs/maze-15x15-from-13x13-s3/model-bf16.safetensors, rebuilt from maze15-s3 unless it is there (a copy of the shipped
# file of that commit will do)
maze15_s3_bf16() {
    [ -f runs/maze-15x15-from-13x13-s3/model-bf16.safetensors ] && return
    after maze-15x15-from-13x13-s3 1875 maze15-s3
    hrmlab import --checkpoint runs/maze-15x15-from-13x13-s3/checkpoints/step_1875.safetensors \
        --out runs/maze-15x15-from-13x13-s3/model-bf16.safetensors --provenance-data data/maze-15x15-hard-30k --dtype bf16
}
# maze7_30k_data: 30,000 hard 7x7 training mazes and 1,000 hard test mazes in data/maze-7x7-hard-30k (unless there)
maze7_30k_data() {
    [ -d data/maze-7x7-hard-30k ] || maze_data 7 30000 1000 maze-7x7-hard-30k
}
# train_resumable NAME [ARGS...]: hrmlab train with training/NAME.yaml into runs/NAME, resuming from its newest
# checkpoint when it has begun (from step 0 if it stopped before its first); ARGS go to hrmlab train
train_resumable() {
    local resume=""
    [ -f "runs/$1/config.yaml" ] && resume="--resume"
    hrmlab train --config "training/$1.yaml" --out "runs/$1" $resume "${@:2}"
}
# spread CSV STRIDE: the CSV's puzzles reordered so that any prefix samples the whole file: every STRIDE-th puzzle
# first (1st, STRIDE+1st, ...), then every STRIDE-th from the 2nd, and so on (eval --limit N takes the first N)
spread() {
    head -n 1 "$1"
    tail -n +2 "$1" | awk -v k="$2" '{print (NR - 1) % k "\t" NR "\t" $0}' | sort -n -k1,1 -k2,2 | cut -f3-
}
case "${1:-}" in
    sudoku)
        sudoku_data
        hrmlab train --config training/sudoku-4x4.yaml --out runs/sudoku-4x4
        ;;
    trm)
        # a TRM on the same data (built here unless it is already there)
        [ -d data/sudoku-4x4-medium ] || sudoku_data
        hrmlab train --config training/trm-sudoku-4x4.yaml --out runs/trm-sudoku-4x4
        ;;
    sudoku9)
        # 40,000 distinct 9x9 "easy" puzzles (36-45 givens, no guessing), 1,000 unseen test puzzles; a long CPU run
        # in resumable stretches: run this line again to continue from the newest checkpoint
        if [ ! -d data/sudoku-9x9-easy-40k ]; then
            sudoku9_csv
            hrmlab dataset build --kind sudoku --from "$tmp/sudoku9" --aug 0 --disjoint --out data/sudoku-9x9-easy-40k
        fi
        train_resumable sudoku-9x9-easy-128
        ;;
    trm9)
        # a TRM on the data of sudoku9 (built here unless it is already there); resumable like sudoku9; further
        # arguments go to hrmlab train (trm9-minimal passes --stop-at 5000)
        if [ ! -d data/sudoku-9x9-easy-40k ]; then
            sudoku9_csv
            hrmlab dataset build --kind sudoku --from "$tmp/sudoku9" --aug 0 --disjoint --out data/sudoku-9x9-easy-40k
        fi
        train_resumable trm-sudoku-9x9-easy-128 "${@:2}"
        ;;
    sudoku9-eval)
        # held-out sets for the sudoku9 model, each with the model's 40,000 training puzzles as its train split (so
        # --disjoint drops any test puzzle that is a training puzzle or a relabelling of one); evaluate with
        # hrmlab eval --checkpoint runs/sudoku-9x9-easy-128/checkpoints/step_N.safetensors --dataset data/<set>
        # data/sudoku-9x9-minimal-test: 1,000 puzzles with minimal givens (unique, no given removable; seed 3, not
        # the training seed), any that occurs in training dropped
        sudoku9_csv
        minimal_heldout 3 sudoku-9x9-minimal-test
        # data/sudoku-9x9-minimal-val: 1,000 more (seed 31, no training or test seed), built the same way, to choose
        # settings such as the number of segments on puzzles other than the test set's
        minimal_heldout 31 sudoku-9x9-minimal-val
        # data/sudoku-9x9-tdoku-{1106,top1465,11plus}: the tdoku hard sets (BSD-2-Clause, see their README) from
        # ../shared/data/sudoku, when that folder is there; reordered by spread so that --limit 200 samples each
        # whole file (its order is not random: 11plus opens with about 250 puzzles that begin 98.7)
        tdoku=../shared/data/sudoku
        if [ ! -d "$tdoku" ]; then
            echo "reproduce.sh: no $tdoku, so no tdoku sets" >&2
            exit 0
        fi
        for set in 1106:forum_hardest_1106 top1465:magictour_top1465 11plus:forum_hardest_1905_11plus; do
            rows=$(($(wc -l < "$tdoku/${set#*:}.csv") - 1))
            spread "$tdoku/${set#*:}.csv" $(((rows + 199) / 200)) > "$tmp/tdoku.csv"
            hrmlab dataset build --kind sudoku --from "$tmp/sudoku9/train.csv" --test-from "$tmp/tdoku.csv" --aug 0 \
                --disjoint --out "data/sudoku-9x9-tdoku-${set%%:*}"
        done
        ;;
    sudoku9-minimal-data)
        minimal_data
        ;;
    sudoku9-s3-data)
        # the third stages' data alone (s3_data), as sudoku9-s3 and trm9-s3 build it when it is not there
        s3_data
        ;;
    sudoku9-s5-data)
        # the fifth stage's data alone (s5_data)
        s5_data
        ;;
    sudoku9-s6-data)
        # the sixth stage's data alone (s6_data)
        s6_data
        ;;
    sudoku9-s7-data)
        # the seventh stage's data alone (s7_data)
        s7_data
        ;;
    sudoku9-s8-data)
        # the eighth stage's data alone (s8_data)
        s8_data
        ;;
    sudoku9-s9-data)
        # the ninth stage's data alone (s9_data)
        s9_data
        ;;
    sudoku9-minimal)
        # the 9x9 HRM's second stage: sudoku9 to its end (step 10,000) first (when its checkpoint is not there), the
        # minimal-givens data (when not there), then training/sudoku-9x9-minimal-ft.yaml from that checkpoint; resumable
        after sudoku-9x9-easy-128 10000 sudoku9
        [ -d data/sudoku-9x9-minimal-20k ] || minimal_data
        train_resumable sudoku-9x9-minimal-ft
        ;;
    sudoku9-s3)
        # the 9x9 HRM's third stage: sudoku9-minimal to its end first (when its step 10,000 is not there), the data of
        # the TRM's third stage (s3_data, when not there), then training/sudoku-9x9-minimal-s3.yaml; resumable
        after sudoku-9x9-minimal-ft 10000 sudoku9-minimal
        [ -d data/sudoku-9x9-minimal-100k-easy ] || s3_data
        train_resumable sudoku-9x9-minimal-s3 "${@:2}"
        ;;
    sudoku9-s4)
        # the 9x9 HRM's fourth stage
        hrm9_stage sudoku-9x9-minimal-s3 sudoku9-s3 sudoku-9x9-minimal-100k-easy s3_data sudoku-9x9-minimal-s4 "${@:2}"
        ;;
    sudoku9-s5)
        # the 9x9 HRM's fifth stage
        hrm9_stage sudoku-9x9-minimal-s4 sudoku9-s4 sudoku-9x9-minimal-100k-s13-easy s5_data sudoku-9x9-minimal-s5 "${@:2}"
        ;;
    sudoku9-s6)
        # the 9x9 HRM's sixth stage
        hrm9_stage sudoku-9x9-minimal-s5 sudoku9-s5 sudoku-9x9-minimal-100k-s14-easy s6_data sudoku-9x9-minimal-s6 "${@:2}"
        ;;
    sudoku9-s7)
        # the 9x9 HRM's seventh stage
        hrm9_stage sudoku-9x9-minimal-s6 sudoku9-s6 sudoku-9x9-minimal-100k-s15-easy s7_data sudoku-9x9-minimal-s7 "${@:2}"
        ;;
    sudoku9-s8)
        # the 9x9 HRM's eighth stage
        hrm9_stage sudoku-9x9-minimal-s7 sudoku9-s7 sudoku-9x9-minimal-100k-s16-easy s8_data sudoku-9x9-minimal-s8 "${@:2}"
        ;;
    sudoku9-s9)
        # the 9x9 HRM's ninth stage: from the seventh stage's end (the eighth's measured lower), four H-cycles
        hrm9_stage sudoku-9x9-minimal-s7 sudoku9-s7 sudoku-9x9-minimal-100k-s17-easy s9_data sudoku-9x9-minimal-s9 "${@:2}"
        ;;
    sudoku9-s10)
        # the 9x9 HRM's tenth stage: from the seventh stage's end at a low learning rate, on the ninth stage's data
        hrm9_stage sudoku-9x9-minimal-s7 sudoku9-s7 sudoku-9x9-minimal-100k-s17-easy s9_data sudoku-9x9-minimal-s10 "${@:2}"
        ;;
    trm9-minimal)
        # the 9x9 TRM's second stage: trm9 to step 5,000 first (when its checkpoint is not there), the minimal-givens
        # data (when not there), then training/trm-sudoku-9x9-minimal-ft.yaml from that checkpoint; resumable
        after trm-sudoku-9x9-easy-128 5000 trm9 --stop-at 5000
        [ -d data/sudoku-9x9-minimal-20k ] || minimal_data
        train_resumable trm-sudoku-9x9-minimal-ft
        ;;
    trm9-s3)
        # the 9x9 TRM's third stage: trm9-minimal to its end first (when its step 10,000 is not there), its data
        # (s3_data, when not there), then training/trm-sudoku-9x9-minimal-s3.yaml; resumable
        after trm-sudoku-9x9-minimal-ft 10000 trm9-minimal
        [ -d data/sudoku-9x9-minimal-100k-easy ] || s3_data
        train_resumable trm-sudoku-9x9-minimal-s3 "${@:2}"
        ;;
    maze5)
        maze_data 5
        hrmlab train --config training/maze-5x5.yaml --out runs/maze-5x5
        hrmlab train --config training/maze-5x5-finetune.yaml --out runs/maze-5x5-ft
        ;;
    maze)
        maze_data 7
        hrmlab train --config training/maze-7x7.yaml --out runs/maze-7x7
        ;;
    maze7-30k)
        # 30,000 hard 7x7 training mazes, 1,000 hard test mazes; the 5x5 model's size, then the 9x9 Sudoku model's;
        # further arguments go to hrmlab train (--stop-at, as in training/README.md)
        maze7_30k_data
        train_resumable maze-7x7-30k "${@:2}"
        train_resumable maze-7x7-30k-128 "${@:2}"
        ;;
    maze7-30k-s2)
        # the hidden-128 7x7 run's second stretch: maze7-30k to its end first (when its step 9,347 is not there)
        after maze-7x7-30k-128 9347 maze7-30k
        train_resumable maze-7x7-30k-128-s2 "${@:2}"
        ;;
    maze7-30k-s3)
        # its third stretch, a cosine decay: maze7-30k-s2 to its step 7,750 first (when that checkpoint is not there)
        after maze-7x7-30k-128-s2 7750 maze7-30k-s2 --stop-at 7750
        train_resumable maze-7x7-30k-128-s3 "${@:2}"
        ;;
    maze7-val)
        # data/maze-7x7-hard-val (maze_val), to check the shipped 7x7 model on mazes that chose nothing; data only
        maze_val 7 30000 maze-7x7-hard-val
        ;;
    maze15-val)
        # data/maze-15x15-hard-val (maze_val), to check the shipped 15x15 model on mazes that chose nothing; data only
        maze_val 15 30000 maze-15x15-hard-val
        ;;
    maze9-data)
        # data/maze-9x9-hard-30k: 30,000 hard 9x9 training mazes (seed 1), 1,000 hard test mazes (seed 2)
        maze_data 9 30000 1000 maze-9x9-hard-30k
        ;;
    maze9-from-7x7)
        # 9x9 mazes on the shipped 7x7 maze model (its positions carried over): a size curriculum's first step
        [ -d data/maze-9x9-hard-30k ] || maze_data 9 30000 1000 maze-9x9-hard-30k
        train_resumable maze-9x9-from-7x7 "${@:2}"
        ;;
    maze11-data)
        # data/maze-11x11-hard-30k: 30,000 hard 11x11 training mazes (seed 1), 1,000 hard test mazes (seed 2)
        maze_data 11 30000 1000 maze-11x11-hard-30k
        ;;
    maze11-from-9x9)
        # 11x11 mazes from maze9-from-7x7's step 2,808
        curriculum_step maze-9x9-from-7x7 2808 maze9-from-7x7 11 maze-11x11-from-9x9 "${@:2}"
        ;;
    maze13-data)
        # data/maze-13x13-hard-30k: 30,000 hard 13x13 training mazes (seed 1), 1,000 hard test mazes (seed 2)
        maze_data 13 30000 1000 maze-13x13-hard-30k
        ;;
    maze13-from-11x11)
        # 13x13 mazes from maze11-from-9x9's step 1,872, the rate decayed by a cosine
        curriculum_step maze-11x11-from-9x9 1872 maze11-from-9x9 13 maze-13x13-from-11x11 "${@:2}"
        ;;
    maze15-from-13x13)
        # 15x15 mazes (the data of maze15-data) from maze13-from-11x11's last step, 2,343, the rate decayed by a cosine
        curriculum_step maze-13x13-from-11x11 2343 maze13-from-11x11 15 maze-15x15-from-13x13 "${@:2}"
        ;;
    maze15-s2)
        # its continuation with up to 16 segments: maze15-from-13x13 to its end first (when step 4,687 is not there)
        after maze-15x15-from-13x13 4687 maze15-from-13x13
        train_resumable maze-15x15-from-13x13-s2 "${@:2}"
        ;;
    maze15-s3)
        # its second try at a quarter of the rate: maze15-from-13x13 to its end first (when step 4,687 is not there)
        after maze-15x15-from-13x13 4687 maze15-from-13x13
        train_resumable maze-15x15-from-13x13-s3 "${@:2}"
        ;;
    maze15-s4-data)
        # 30,000 hard 15x15 training mazes none of the earlier 15x15 runs saw (seed 4), the 1,000 test mazes of
        # maze15-data (no training)
        maze_data 15 30000 1000 maze-15x15-hard-30k-s4 hard 4
        ;;
    maze15-s4)
        # the shipped maze-15x15 (maze15-s3's end, step 1,875, stored as bfloat16) on the fresh mazes of maze15-s4-data
        # with three H-cycles per segment; resumable
        maze15_s3_bf16
        [ -d data/maze-15x15-hard-30k-s4 ] || "$0" maze15-s4-data
        train_resumable maze-15x15-from-13x13-s4 "${@:2}"
        ;;
    maze30-data)
        # 30x30 mazes in Maze-Hard's rule, shortest path > 110 moves: 30,000 training mazes, 1,000 test mazes (no training)
        maze_data 30 30000 1000 maze-30x30-hard-30k
        ;;
    maze30-from-15x15)
        # 30x30 mazes (the data of maze30-data, built unless there) from the shipped maze-15x15 (maze15-s3's end, step
        # 1,875, stored as bfloat16; rebuilt from maze15-s3 unless it is there); resumable
        maze15_s3_bf16
        [ -d data/maze-30x30-hard-30k ] || "$0" maze30-data
        train_resumable maze-30x30-from-15x15 "${@:2}"
        ;;
    trm-maze7)
        # a TRM on the data of maze7-30k (built here unless it is already there); further arguments go to hrmlab train
        maze7_30k_data
        train_resumable trm-maze-7x7-30k "${@:2}"
        ;;
    maze15-data)
        # 15x15 mazes, shortest path >= 28 moves: 30,000 training mazes, 1,000 test mazes (no training)
        maze_data 15 30000 1000 maze-15x15-hard-30k
        ;;
    maze15)
        # the data of maze15-data (unless data/maze-15x15-hard-30k is there), then a long run in resumable stretches
        # like sudoku9; further arguments go to hrmlab train (--stop-at, --time-limit, --device)
        [ -d data/maze-15x15-hard-30k ] || maze_data 15 30000 1000 maze-15x15-hard-30k
        train_resumable maze-15x15 "${@:2}"
        ;;
    maze15-small)
        # the data of maze15-data, the 5x5 maze model's size with 16 segments (training/maze-15x15-small.yaml);
        # resumable like maze15
        [ -d data/maze-15x15-hard-30k ] || maze_data 15 30000 1000 maze-15x15-hard-30k
        train_resumable maze-15x15-small "${@:2}"
        ;;
    maze15-canvas)
        # hard mazes of sides 5 to 15 on one 15x15 canvas (canvas_maze_data), the hard test mazes of maze15-data;
        # resumable like maze15
        [ -d data/maze-15x15-canvas-30k ] || canvas_maze_data
        train_resumable maze-15x15-canvas "${@:2}"
        ;;
    maze15-any)
        # the curriculum's first stage: 30,000 15x15 training mazes of any path length (seed 11), the hard test
        # mazes of maze15-data; resumable like maze15
        [ -d data/maze-15x15-any-30k ] || maze_data 15 30000 1000 maze-15x15-any-30k any 11
        train_resumable maze-15x15-any "${@:2}"
        ;;
    arc)
        # the 16 bundled ARC-AGI-1 tasks with grids of at most 3x3: the 7 held-out ones as an "evaluation" subset
        # (demonstrations train, test pairs test), the other 9 as a "training" subset (all pairs train)
        res=sample-puzzles/src/main/resources/org/hrmlab/puzzles/data/arc
        mkdir -p "$tmp/arc/evaluation" "$tmp/arc/training"
        for t in 0d3d703e 25ff71a9 3c9b0459 44f52bb0 6150a2bd 74dd1130 a85d4709; do
            cp "$res/$t.json" "$tmp/arc/evaluation/"
        done
        for t in 25d8a9c8 27a28665 5582e5ca 6e02f1e3 794b24be 9565186b d037b0a7 ed36ccf7 6ea4a07e; do
            cp "$res/$t.json" "$tmp/arc/training/"
        done
        hrmlab dataset build --kind arc --from "$tmp/arc" --canvas 4 --aug 20 --seed 42 --out data/arc-3x3-plus
        hrmlab train --config training/arc-3x3.yaml --out runs/arc-3x3
        ;;
    arc10-data)
        # every ARC-AGI-1 task whose grids are all at most 10x10, from ARC_AGI_1 (a folder with training/ and
        # evaluation/, e.g. the data/ folder of github.com/fchollet/ARC-AGI; default ../shared/data/arc-agi-1):
        # training tasks train with all their pairs, evaluation tasks with their demonstrations, their test inputs
        # are the test split; larger tasks are left out (listed); 100 variants each
        arc="${ARC_AGI_1:-../shared/data/arc-agi-1}"
        [ -d "$arc/training" ] && [ -d "$arc/evaluation" ] || { echo "no ARC-AGI-1 tasks in $arc: set ARC_AGI_1" >&2; exit 2; }
        hrmlab dataset build --kind arc --from "$arc" --canvas 10 --aug 100 --seed 42 --out data/arc-10x10 | tail -n 1 | cut -c1-300
        ;;
    arc10-eval-data)
        # the 77 ARC-AGI-1 evaluation tasks whose grids are all at most 10x10 (the 323 larger ones are left out,
        # listed), from ARC_AGI_1 (default ../shared/data/arc-agi-1; the same 77 files are bundled in
        # sample-puzzles' data/arc/): their demonstrations train, their 88 test inputs are the test split; 8 variants
        # each besides the task
        arc="${ARC_AGI_1:-../shared/data/arc-agi-1}"
        [ -d "$arc/evaluation" ] || { echo "no ARC-AGI-1 tasks in $arc: set ARC_AGI_1" >&2; exit 2; }
        mkdir -p "$tmp/arc/training"
        ln -s "$(cd "$arc/evaluation" && pwd)" "$tmp/arc/evaluation"
        hrmlab dataset build --kind arc --from "$tmp/arc" --canvas 10 --aug 8 --seed 42 --out data/arc-10x10-eval8 \
            | tail -n 1 | cut -c1-300
        ;;
    arc10-eval)
        # models/arc-10x10: the data of arc10-eval-data (unless data/arc-10x10-eval8 is there), then the run,
        # resumable
        [ -d data/arc-10x10-eval8 ] || "$0" arc10-eval-data
        train_resumable arc-10x10-eval "${@:2}"
        ;;
    arc10-eval-s2)
        # a continuation of models/arc-10x10 (arc10-eval's end, which runs first unless it is there)
        [ -f runs/arc-10x10-eval/checkpoints/step_4531.safetensors ] || "$0" arc10-eval "${@:2}"
        train_resumable arc-10x10-eval-s2 "${@:2}"
        ;;
    arc10)
        # the data of arc10-data (unless data/arc-10x10 is there), then a long run in resumable stretches like
        # sudoku9; further arguments go to hrmlab train
        [ -d data/arc-10x10 ] || "$0" arc10-data
        train_resumable arc-10x10 "${@:2}"
        ;;
    *)
        sed -n '2s/^# reproduce.sh \([^:]*\):.*/usage: training\/reproduce.sh \1/p' "$0" >&2
        exit 2
        ;;
esac
