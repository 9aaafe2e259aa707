;; Gradient-boosted trees' training kernels (src/model/gbdt/wasm-kernels.ts drives them).
;; The memory is shared: the main thread and one worker thread instantiate this module over the
;; same memory and build the histograms of disjoint feature sets at once.
;;
;; Bitwise contract with the TypeScript reference (src/model/gbdt/histogram.ts, grow-tree.ts):
;; every histogram slot is the float64 sum of its rows' values added in row order, exactly as the
;; reference adds them, so both give the same bits and the same trees. No FMA, no reordering.
;;
;; Layout: bins rows×cols bytes (row-major); grad, hess float64 per row; ids u32 row numbers;
;; a histogram is cols × 256 bins × [g, h, n] float64 (6144 bytes per feature).
;;
;; Why hand-written: no library builds gradient histograms in WebAssembly over our memory with
;; this bitwise contract (XGBoost and LightGBM are native code; their wasm builds reorder sums
;; across threads), and the loops are small enough to keep exact by hand.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; Zeroes the listed features' slots of `hist`, then adds (grad[r], hess[r], 1) to the bin of
  ;; each listed feature for the rows ids[start…end), every slot in row order. When `known` is not
  ;; 0 it points at the rows' counts (cols × 256 float64, as the reference would sum them) and the
  ;; count slots are copied from it instead of counted (the root of a tree without row sampling:
  ;; the same rows every tree).
  ;;
  ;; Blocks of 256 rows: first their (g, h) pairs and bin-row addresses are gathered into
  ;; `scratch` (a short loop, so many rows' cache misses are in flight at once), then each pair of
  ;; features runs over the block. One feature's slots (6 kB) and the block stay in L1; the rows'
  ;; order within a slot is unchanged, so are the bits. Counts are u32 (exact, as the float64 sums
  ;; of ones are below 2^32) and become float64 at the end. An odd last feature is paired with a
  ;; dummy one whose sums land in scratch.
  ;;
  ;; scratch (per thread, 16-byte aligned): counts nf × 256 u32 | dummy slots 6144 | dummy counts
  ;; 1024 | gathered (g, h) 256 × 16 | bin-row addresses 256 × 4 (histScratchBytes in wasm-kernels.ts).
  ;; On return the first 16 bytes of `gathered` hold the rows' gradient and hessian sums, each
  ;; added in row order from 0 (as grow-tree's root sums are): every call gathers all the rows,
  ;; whatever features it has, so the root's sums cost one addition a row in a loop that waits
  ;; on memory anyway, instead of a pass of their own on the main thread.
  (func (export "hist")
    (param $bins i32) (param $cols i32) (param $grad i32) (param $hess i32)
    (param $ids i32) (param $start i32) (param $end i32)
    (param $feats i32) (param $nf i32) (param $hist i32) (param $scratch i32) (param $known i32)
    (local $p i32) (local $pend i32) (local $blockEnd i32) (local $fp i32) (local $fend i32)
    (local $r i32) (local $f i32) (local $f2 i32) (local $hf i32) (local $hf2 i32) (local $cf i32) (local $cf2 i32)
    (local $dummy i32) (local $gathered i32) (local $rowAt i32) (local $g i32) (local $q i32) (local $qend i32)
    (local $row i32) (local $touched i32) (local $b i32) (local $b2 i32) (local $o i32) (local $gh v128) (local $k i32) (local $sums v128)
    (local.set $fend (i32.add (local.get $feats) (i32.shl (local.get $nf) (i32.const 2))))
    (local.set $dummy (i32.add (local.get $scratch) (i32.shl (local.get $nf) (i32.const 10))))
    (local.set $gathered (i32.add (local.get $dummy) (i32.const 7168)))
    (local.set $rowAt (i32.add (local.get $gathered) (i32.const 4096)))
    (memory.fill (local.get $scratch) (i32.const 0) (i32.shl (local.get $nf) (i32.const 10)))
    (local.set $fp (local.get $feats))
    (block $zero_done
      (loop $zero
        (br_if $zero_done (i32.ge_u (local.get $fp) (local.get $fend)))
        (memory.fill
          (i32.add (local.get $hist) (i32.mul (i32.load (local.get $fp)) (i32.const 6144)))
          (i32.const 0) (i32.const 6144))
        (local.set $fp (i32.add (local.get $fp) (i32.const 4)))
        (br $zero)))
    (local.set $p (i32.add (local.get $ids) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $pend (i32.add (local.get $ids) (i32.shl (local.get $end) (i32.const 2))))
    (block $blocks_done
      (loop $blocks
        (br_if $blocks_done (i32.ge_u (local.get $p) (local.get $pend)))
        (local.set $blockEnd (select (local.get $pend) (i32.add (local.get $p) (i32.const 1024))
          (i32.lt_u (i32.sub (local.get $pend) (local.get $p)) (i32.const 1024))))
        ;; Gather: (g, h) in the two lanes of one vector (f64x2.add rounds each lane as f64.add does).
        (local.set $g (local.get $gathered))
        (local.set $q (local.get $rowAt))
        (block $gather_done
          (loop $gather
            (br_if $gather_done (i32.ge_u (local.get $p) (local.get $blockEnd)))
            (local.set $r (i32.load (local.get $p)))
            (local.set $gh
              (f64x2.replace_lane 1
                (f64x2.splat (f64.load (i32.add (local.get $grad) (i32.shl (local.get $r) (i32.const 3)))))
                (f64.load (i32.add (local.get $hess) (i32.shl (local.get $r) (i32.const 3))))))
            (v128.store (local.get $g) (local.get $gh))
            (local.set $sums (f64x2.add (local.get $sums) (local.get $gh)))
            (local.set $row (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $cols))))
            (i32.store (local.get $q) (local.get $row))
            ;; Touch the row's first and last bin bytes: in this short loop the cache misses of a
            ;; node's scattered rows overlap, instead of one at a time in the feature loop (no
            ;; prefetch instruction in wasm; the sum is stored below so the loads are not dropped).
            (local.set $touched (i32.add (local.get $touched)
              (i32.add (i32.load8_u (local.get $row)) (i32.load8_u (i32.sub (i32.add (local.get $row) (local.get $cols)) (i32.const 1))))))
            (local.set $g (i32.add (local.get $g) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (i32.const 4)))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $gather)))
        (local.set $qend (local.get $q))
        ;; Features two at a time over the block.
        (local.set $fp (local.get $feats))
        (local.set $cf (local.get $scratch))
        (block $feats_done
          (loop $pairs
            (br_if $feats_done (i32.ge_u (local.get $fp) (local.get $fend)))
            (local.set $f (i32.load (local.get $fp)))
            (local.set $hf (i32.add (local.get $hist) (i32.mul (local.get $f) (i32.const 6144))))
            (local.set $cf2 (i32.add (local.get $cf) (i32.const 1024)))
            (if (i32.lt_u (i32.add (local.get $fp) (i32.const 4)) (local.get $fend))
              (then
                (local.set $f2 (i32.load offset=4 (local.get $fp)))
                (local.set $hf2 (i32.add (local.get $hist) (i32.mul (local.get $f2) (i32.const 6144)))))
              (else
                (local.set $f2 (local.get $f))
                (local.set $hf2 (local.get $dummy))
                (local.set $cf2 (i32.add (local.get $dummy) (i32.const 6144)))))
            (local.set $g (local.get $gathered))
            (local.set $q (local.get $rowAt))
            (if (local.get $known)
              (then
                (block $plain_done
                  (loop $plain
                    (br_if $plain_done (i32.ge_u (local.get $q) (local.get $qend)))
                    (local.set $row (i32.load (local.get $q)))
                    (local.set $gh (v128.load (local.get $g)))
                    (local.set $o (i32.add (local.get $hf) (i32.mul (i32.load8_u (i32.add (local.get $row) (local.get $f))) (i32.const 24))))
                    (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (local.get $gh)))
                    (local.set $o (i32.add (local.get $hf2) (i32.mul (i32.load8_u (i32.add (local.get $row) (local.get $f2))) (i32.const 24))))
                    (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (local.get $gh)))
                    (local.set $g (i32.add (local.get $g) (i32.const 16)))
                    (local.set $q (i32.add (local.get $q) (i32.const 4)))
                    (br $plain))))
              (else
                (block $counted_done
                  (loop $counted
                    (br_if $counted_done (i32.ge_u (local.get $q) (local.get $qend)))
                    (local.set $row (i32.load (local.get $q)))
                    (local.set $gh (v128.load (local.get $g)))
                    (local.set $b (i32.load8_u (i32.add (local.get $row) (local.get $f))))
                    (local.set $b2 (i32.load8_u (i32.add (local.get $row) (local.get $f2))))
                    (local.set $o (i32.add (local.get $hf) (i32.mul (local.get $b) (i32.const 24))))
                    (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (local.get $gh)))
                    (local.set $o (i32.add (local.get $cf) (i32.shl (local.get $b) (i32.const 2))))
                    (i32.store (local.get $o) (i32.add (i32.load (local.get $o)) (i32.const 1)))
                    (local.set $o (i32.add (local.get $hf2) (i32.mul (local.get $b2) (i32.const 24))))
                    (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (local.get $gh)))
                    (local.set $o (i32.add (local.get $cf2) (i32.shl (local.get $b2) (i32.const 2))))
                    (i32.store (local.get $o) (i32.add (i32.load (local.get $o)) (i32.const 1)))
                    (local.set $g (i32.add (local.get $g) (i32.const 16)))
                    (local.set $q (i32.add (local.get $q) (i32.const 4)))
                    (br $counted)))))
            (local.set $cf (i32.add (local.get $cf) (i32.const 2048)))
            (local.set $fp (i32.add (local.get $fp) (i32.const 8)))
            (br $pairs)))
        (br $blocks)))
    (i32.store (local.get $dummy) (local.get $touched))
    (v128.store (local.get $gathered) (local.get $sums))
    ;; The count slots: copied from `known` (by feature) or converted from the u32 counts (by position).
    (local.set $fp (local.get $feats))
    (local.set $cf (local.get $scratch))
    (block $counts_done
      (loop $counts
        (br_if $counts_done (i32.ge_u (local.get $fp) (local.get $fend)))
        (local.set $f (i32.load (local.get $fp)))
        (local.set $o (i32.add (i32.add (local.get $hist) (i32.mul (local.get $f) (i32.const 6144))) (i32.const 16)))
        (local.set $k (i32.const 0))
        (loop $slot
          (f64.store (local.get $o)
            (if (result f64) (local.get $known)
              (then (f64.load (i32.add (local.get $known) (i32.add (i32.shl (local.get $f) (i32.const 11)) (i32.shl (local.get $k) (i32.const 3))))))
              (else (f64.convert_i32_u (i32.load (i32.add (local.get $cf) (i32.shl (local.get $k) (i32.const 2))))))))
          (local.set $o (i32.add (local.get $o) (i32.const 24)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $slot (i32.lt_u (local.get $k) (i32.const 256))))
        (local.set $cf (i32.add (local.get $cf) (i32.const 1024)))
        (local.set $fp (i32.add (local.get $fp) (i32.const 4)))
        (br $counts))))

  ;; Stable partition of ids[start…end) by table[bin of feature f] (1 = left): left rows stay in
  ;; place in order, right rows go through `scratch` and follow them (unless `keepRights`: then
  ;; they stay in `scratch`, for a caller that moves them once to their final place). Branch-free:
  ;; each row is written to both sides and only one cursor moves, as a split's sides are
  ;; unpredictable. Returns the index where the right side begins.
  (func (export "partition")
    (param $bins i32) (param $cols i32) (param $f i32) (param $table i32)
    (param $ids i32) (param $scratch i32) (param $start i32) (param $end i32) (param $keepRights i32) (result i32)
    (local $p i32) (local $pend i32) (local $l i32) (local $s i32) (local $r i32) (local $left i32)
    (local.set $p (i32.add (local.get $ids) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $pend (i32.add (local.get $ids) (i32.shl (local.get $end) (i32.const 2))))
    (local.set $l (local.get $p))
    (local.set $s (local.get $scratch))
    (local.set $bins (i32.add (local.get $bins) (local.get $f)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $pend)))
        (local.set $r (i32.load (local.get $p)))
        (local.set $left
          (i32.load8_u (i32.add (local.get $table)
            (i32.load8_u (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $cols)))))))
        (i32.store (local.get $l) (local.get $r))
        (i32.store (local.get $s) (local.get $r))
        (local.set $l (i32.add (local.get $l) (i32.shl (local.get $left) (i32.const 2))))
        (local.set $s (i32.add (local.get $s) (i32.shl (i32.xor (local.get $left) (i32.const 1)) (i32.const 2))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $each)))
    (if (i32.eqz (local.get $keepRights))
      (then (memory.copy (local.get $l) (local.get $scratch) (i32.sub (local.get $s) (local.get $scratch)))))
    (i32.shr_u (i32.sub (local.get $l) (local.get $ids)) (i32.const 2)))

;; margin[order[i]·outputs + k] += values[j] for the positions i in [starts[j], ends[j]) of each
  ;; of the `leaves` leaves (i32 starts and ends, f64 values): kernels.ts's addLeafRange, one
  ;; float64 addition per row, so the same bits, without JavaScript's bounds checks.
  (func (export "addLeaves")
    (param $margin i32) (param $order i32) (param $outputs i32) (param $k i32)
    (param $starts i32) (param $ends i32) (param $values i32) (param $leaves i32)
    (local $j i32) (local $p i32) (local $pend i32) (local $v f64) (local $o i32) (local $stride i32)
    (local.set $stride (i32.shl (local.get $outputs) (i32.const 3)))
    (local.set $margin (i32.add (local.get $margin) (i32.shl (local.get $k) (i32.const 3))))
    (block $done
      (loop $leaf
        (br_if $done (i32.ge_u (local.get $j) (local.get $leaves)))
        (local.set $v (f64.load (i32.add (local.get $values) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $p (i32.add (local.get $order)
          (i32.shl (i32.load (i32.add (local.get $starts) (i32.shl (local.get $j) (i32.const 2)))) (i32.const 2))))
        (local.set $pend (i32.add (local.get $order)
          (i32.shl (i32.load (i32.add (local.get $ends) (i32.shl (local.get $j) (i32.const 2)))) (i32.const 2))))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $p) (local.get $pend)))
            (local.set $o (i32.add (local.get $margin) (i32.mul (i32.load (local.get $p)) (local.get $stride))))
            (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (local.get $v)))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $rows)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $leaf))))

  ;; The logistic loss's gradient and hessian for rows [start, end) of margins and labels (float64
  ;; per row), and the loss summed over them in row order: objective.ts's binaryGradientRange, the
  ;; same operations in the same order, so the same bits. That function calls Math.exp and
  ;; Math.log1p, which V8 computes by fdlibm's algorithms (src/base/ieee754.cc): $exp and $log1p
  ;; below are those algorithms with the same float64 operations, so they return the same bits
  ;; (tested against Math.exp and Math.log1p). Why: the pass was ≈30 ns a row in JavaScript, a
  ;; fifth of a fit's CPU; a dependent chain of five divisions and two polynomials per row, which
  ;; two rows at a time in the lanes of f64x2 (the same rounding per lane) nearly halves.
  ;;
  ;; Rows go two at a time through $exp2 and $log1p2, branch-free versions of the two on the
  ;; ranges a margin's rows live in; a pair with a lane outside them (|m| ≥ 512, a huge or tiny
  ;; log1p argument, NaN) runs row by row through the scalar functions instead. Both give the
  ;; same bits, so which path a row takes never shows. `scratch`: 2048 bytes of the calling
  ;; thread's own (a block's e^−m, then its log1p arguments and values).
  (func (export "binaryGradients")
    (param $margin i32) (param $labels i32) (param $grad i32) (param $hess i32)
    (param $start i32) (param $end i32) (param $scratch i32) (result f64)
    (local $o i32) (local $oend i32) (local $blockEnd i32) (local $i i32) (local $j i32) (local $loss f64)
    (local $m v128) (local $x v128) (local $e v128) (local $p v128) (local $y v128) (local $pos v128) (local $l v128) (local $term v128)
    (local.set $o (i32.shl (local.get $start) (i32.const 3)))
    (local.set $oend (i32.shl (local.get $end) (i32.const 3)))
    ;; Whole pairs in blocks of up to 256 rows, each pass a short loop (two rows' chain of
    ;; divisions is long: in one loop body an out-of-order core overlapped barely one pair).
    (block $done
      (loop $blocks
        (br_if $done (i32.gt_u (i32.add (local.get $o) (i32.const 16)) (local.get $oend)))
        (local.set $blockEnd (i32.add (local.get $o) (i32.const 2048)))
        (if (i32.gt_u (local.get $blockEnd) (local.get $oend))
          (then (local.set $blockEnd (i32.and (i32.sub (local.get $oend) (local.get $o)) (i32.const -16)))
                (local.set $blockEnd (i32.add (local.get $o) (local.get $blockEnd)))))
        ;; e = e^−m into scratch.
        (local.set $i (local.get $o))
        (local.set $j (local.get $scratch))
        (loop $exps
          (local.set $x (f64x2.neg (v128.load (i32.add (local.get $margin) (local.get $i)))))
          (v128.store (local.get $j)
            (if (result v128) (call $exp2Fits (local.get $x))
              (then (call $exp2 (local.get $x)))
              (else (f64x2.replace_lane 1
                (f64x2.splat (call $exp (f64x2.extract_lane 0 (local.get $x))))
                (call $exp (f64x2.extract_lane 1 (local.get $x)))))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br_if $exps (i32.lt_u (local.get $i) (local.get $blockEnd))))
        ;; p = 1/(1 + e), the gradient and hessian; the log1p argument (e where m > 0, else 1/e) into scratch.
        (local.set $i (local.get $o))
        (local.set $j (local.get $scratch))
        (loop $probs
          (local.set $e (v128.load (local.get $j)))
          (local.set $p (f64x2.div (v128.const f64x2 1 1) (f64x2.add (v128.const f64x2 1 1) (local.get $e))))
          (local.set $y (v128.load (i32.add (local.get $labels) (local.get $i))))
          (v128.store (i32.add (local.get $grad) (local.get $i)) (f64x2.sub (local.get $p) (local.get $y)))
          (v128.store (i32.add (local.get $hess) (local.get $i)) (f64x2.mul (local.get $p) (f64x2.sub (v128.const f64x2 1 1) (local.get $p))))
          (v128.store (local.get $j) (v128.bitselect (local.get $e) (f64x2.div (v128.const f64x2 1 1) (local.get $e))
            (f64x2.gt (v128.load (i32.add (local.get $margin) (local.get $i))) (v128.const f64x2 0 0))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br_if $probs (i32.lt_u (local.get $i) (local.get $blockEnd))))
        ;; log1p of the arguments, in place.
        (local.set $i (local.get $o))
        (local.set $j (local.get $scratch))
        (loop $logs
          (local.set $x (v128.load (local.get $j)))
          (v128.store (local.get $j)
            (if (result v128) (call $log1p2Fits (local.get $x))
              (then (call $log1p2 (local.get $x)))
              (else (f64x2.replace_lane 1
                (f64x2.splat (call $log1p (f64x2.extract_lane 0 (local.get $x))))
                (call $log1p (f64x2.extract_lane 1 (local.get $x)))))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br_if $logs (i32.lt_u (local.get $i) (local.get $blockEnd))))
        ;; The loss: (m > 0 ? m + log1p(e) : log1p(1/e)) − y·m, added row by row in order.
        (local.set $j (local.get $scratch))
        (loop $losses
          (local.set $m (v128.load (i32.add (local.get $margin) (local.get $o))))
          (local.set $l (v128.load (local.get $j)))
          (local.set $term (f64x2.sub
            (v128.bitselect (f64x2.add (local.get $m) (local.get $l)) (local.get $l) (f64x2.gt (local.get $m) (v128.const f64x2 0 0)))
            (f64x2.mul (v128.load (i32.add (local.get $labels) (local.get $o))) (local.get $m))))
          (local.set $loss (f64.add (f64.add (local.get $loss) (f64x2.extract_lane 0 (local.get $term))) (f64x2.extract_lane 1 (local.get $term))))
          (local.set $o (i32.add (local.get $o) (i32.const 16)))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br_if $losses (i32.lt_u (local.get $o) (local.get $blockEnd))))
        (br $blocks)))
    (if (i32.lt_u (local.get $o) (local.get $oend))
      (then (local.set $loss (f64.add (local.get $loss) (call $binaryRow (local.get $margin) (local.get $labels) (local.get $grad) (local.get $hess) (local.get $o))))))
    (local.get $loss))

  ;; One row of binaryGradients by the scalar functions: stores its gradient and hessian, returns its loss.
  (func $binaryRow (param $margin i32) (param $labels i32) (param $grad i32) (param $hess i32) (param $o i32) (result f64)
    (local $m f64) (local $e f64) (local $p f64) (local $y f64)
    (local.set $m (f64.load (i32.add (local.get $margin) (local.get $o))))
    (local.set $e (call $exp (f64.neg (local.get $m))))
    (local.set $p (f64.div (f64.const 1) (f64.add (f64.const 1) (local.get $e))))
    (local.set $y (f64.load (i32.add (local.get $labels) (local.get $o))))
    (f64.store (i32.add (local.get $grad) (local.get $o)) (f64.sub (local.get $p) (local.get $y)))
    (f64.store (i32.add (local.get $hess) (local.get $o)) (f64.mul (local.get $p) (f64.sub (f64.const 1) (local.get $p))))
    (f64.sub
      (if (result f64) (f64.gt (local.get $m) (f64.const 0))
        (then (f64.add (local.get $m) (call $log1p (local.get $e))))
        (else (call $log1p (f64.div (f64.const 1) (local.get $e)))))
      (f64.mul (local.get $y) (local.get $m))))

  ;; 1 when both lanes are in $exp2's range: 2^-28 ≤ |x| < 512 (so 2^k is a normal number and
  ;; none of $exp's special returns applies), and x ≠ 1 ($exp returns e itself there).
  (func $exp2Fits (param $x v128) (result i32)
    (local $a v128)
    (local.set $a (f64x2.abs (local.get $x)))
    (i64x2.all_true (v128.and
      (v128.and (f64x2.ge (local.get $a) (v128.const i64x2 0x3E30000000000000 0x3E30000000000000))
        (f64x2.lt (local.get $a) (v128.const f64x2 512 512)))
      (f64x2.ne (local.get $x) (v128.const f64x2 1 1)))))

  ;; $exp on two lanes, for arguments $exp2Fits accepts. The cases of $exp's argument reduction
  ;; are lanes of one computation: |x| ≤ ½ln2 has k = 0 (then hi − lo is x − 0 = x), ½ln2 < |x| <
  ;; 1.5 ln2 has k = ±1 (where x − (±1)·ln2HI is $exp's x ∓ ln2HI, exactly), and beyond, k is
  ;; the truncation $exp makes. With q = x·c/(2 − c), $exp's x·c/(c − 2) is −q exactly (division
  ;; and subtraction are symmetric in sign), so one division serves both of its final forms.
  (func $exp2 (param $x v128) (result v128)
    (local $a v128) (local $small v128) (local $near v128) (local $sign v128) (local $kf v128)
    (local $hi v128) (local $lo v128) (local $r v128) (local $t v128) (local $c v128) (local $q v128) (local $twopk v128)
    (local.set $a (f64x2.abs (local.get $x)))
    (local.set $sign (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000)))
    ;; hx <= 0x3FD62E42 and hx < 0x3FF0A2B2, as comparisons of |x| with the first double past each bound.
    (local.set $small (f64x2.lt (local.get $a) (v128.const i64x2 0x3FD62E4300000000 0x3FD62E4300000000)))
    (local.set $near (f64x2.lt (local.get $a) (v128.const i64x2 0x3FF0A2B200000000 0x3FF0A2B200000000)))
    (local.set $kf (v128.bitselect
      (v128.const f64x2 0 0)
      (v128.bitselect
        (v128.or (v128.const f64x2 1 1) (local.get $sign))
        (f64x2.trunc (f64x2.add
          (f64x2.mul (v128.const i64x2 0x3FF71547652B82FE 0x3FF71547652B82FE) (local.get $x))
          (v128.or (v128.const f64x2 0.5 0.5) (local.get $sign))))
        (local.get $near))
      (local.get $small)))
    (local.set $hi (f64x2.sub (local.get $x) (f64x2.mul (local.get $kf) (v128.const i64x2 0x3FE62E42FEE00000 0x3FE62E42FEE00000))))
    (local.set $lo (f64x2.mul (local.get $kf) (v128.const i64x2 0x3DEA39EF35793C76 0x3DEA39EF35793C76)))
    (local.set $r (f64x2.sub (local.get $hi) (local.get $lo)))
    (local.set $t (f64x2.mul (local.get $r) (local.get $r)))
    (local.set $c (f64x2.sub (local.get $r) (f64x2.mul (local.get $t)
      (f64x2.add (v128.const i64x2 0x3FC555555555553E 0x3FC555555555553E) (f64x2.mul (local.get $t)
      (f64x2.add (v128.const i64x2 0xBF66C16C16BEBD93 0xBF66C16C16BEBD93) (f64x2.mul (local.get $t)
      (f64x2.add (v128.const i64x2 0x3F11566AAF25DE2C 0x3F11566AAF25DE2C) (f64x2.mul (local.get $t)
      (f64x2.add (v128.const i64x2 0xBEBBBD41C5D26BF1 0xBEBBBD41C5D26BF1) (f64x2.mul (local.get $t)
        (v128.const i64x2 0x3E66376972BEA4D0 0x3E66376972BEA4D0))))))))))))
    (local.set $q (f64x2.div (f64x2.mul (local.get $r) (local.get $c)) (f64x2.sub (v128.const f64x2 2 2) (local.get $c))))
    ;; 2^k from k's bits: (0x3FF + k) << 52.
    (local.set $twopk (i64x2.shl
      (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $kf))) (v128.const i64x2 0x3FF 0x3FF))
      (i32.const 52)))
    (v128.bitselect
      ;; k = 0: 1 − (x·c/(c − 2) − x)
      (f64x2.sub (v128.const f64x2 1 1) (f64x2.sub (f64x2.neg (local.get $q)) (local.get $r)))
      ;; else (1 − ((lo − x·c/(2 − c)) − hi))·2^k
      (f64x2.mul
        (f64x2.sub (v128.const f64x2 1 1) (f64x2.sub (f64x2.sub (local.get $lo) (local.get $q)) (local.get $hi)))
        (local.get $twopk))
      (local.get $small)))

  ;; 1 when both lanes are in $log1p2's range: 2^-29 ≤ x < 2^53 (positive, none of $log1p's early
  ;; returns), and for x past the k = 0 bound, 1 + x not within 2^-20 of a power of two below it
  ;; ($log1p's |f| < 2^-20 branch, left to the scalar function).
  (func $log1p2Fits (param $x v128) (result i32)
    (local $hu v128)
    (local.set $hu (call $log1p2Hu (local.get $x)))
    (i64x2.all_true (v128.and
      (v128.and (f64x2.ge (local.get $x) (v128.const i64x2 0x3E20000000000000 0x3E20000000000000))
        (f64x2.lt (local.get $x) (v128.const i64x2 0x4340000000000000 0x4340000000000000)))
      (v128.or (f64x2.lt (local.get $x) (v128.const i64x2 0x3FDA827A00000000 0x3FDA827A00000000))
        (v128.not (i64x2.eq (local.get $hu) (v128.const i64x2 0 0)))))))

  ;; $log1p's hu after normalising u = 1 + x (the k ≠ 0 path): the test of its |f| < 2^-20 branch.
  (func $log1p2Hu (param $x v128) (result v128)
    (local $hm v128)
    (local.set $hm (v128.and
      (i64x2.shr_u (f64x2.add (v128.const f64x2 1 1) (local.get $x)) (i32.const 32))
      (v128.const i64x2 0xFFFFF 0xFFFFF)))
    (v128.bitselect
      (local.get $hm)
      (i64x2.shr_s (i64x2.sub (v128.const i64x2 0x100000 0x100000) (local.get $hm)) (i32.const 2))
      (i64x2.lt_s (local.get $hm) (v128.const i64x2 0x6A09E 0x6A09E))))

  ;; $log1p on two lanes, for arguments $log1p2Fits accepts. x below 0x3FDA827A… is $log1p's k = 0
  ;; case (f = x); above, u = 1 + x is normalised to 2^k·(1 + f) with the correction c. Either
  ;; way the result is $log1p's k = 0 form or its general form, chosen by k as $log1p does.
  (func $log1p2 (param $x v128) (result v128)
    (local $small v128) (local $u v128) (local $k v128) (local $c v128) (local $hm v128) (local $low v128)
    (local $un v128) (local $f v128) (local $hfsq v128) (local $s v128) (local $z v128) (local $r v128) (local $kf v128)
    (local.set $small (f64x2.lt (local.get $x) (v128.const i64x2 0x3FDA827A00000000 0x3FDA827A00000000)))
    (local.set $u (f64x2.add (v128.const f64x2 1 1) (local.get $x)))
    (local.set $k (i64x2.sub (i64x2.shr_u (local.get $u) (i32.const 52)) (v128.const i64x2 1023 1023)))
    (local.set $c (f64x2.div
      (v128.bitselect
        (f64x2.sub (v128.const f64x2 1 1) (f64x2.sub (local.get $u) (local.get $x)))
        (f64x2.sub (local.get $x) (f64x2.sub (local.get $u) (v128.const f64x2 1 1)))
        (i64x2.gt_s (local.get $k) (v128.const i64x2 0 0)))
      (local.get $u)))
    (local.set $hm (v128.and (i64x2.shr_u (local.get $u) (i32.const 32)) (v128.const i64x2 0xFFFFF 0xFFFFF)))
    (local.set $low (i64x2.lt_s (local.get $hm) (v128.const i64x2 0x6A09E 0x6A09E)))
    ;; u with its high word replaced: hm | 0x3FF00000 (u ~< √2), else hm | 0x3FE00000 (u/2) and k + 1.
    (local.set $un (v128.or
      (v128.and (local.get $u) (v128.const i64x2 0xFFFFFFFF 0xFFFFFFFF))
      (i64x2.shl (v128.or (local.get $hm)
        (v128.bitselect (v128.const i64x2 0x3FF00000 0x3FF00000) (v128.const i64x2 0x3FE00000 0x3FE00000) (local.get $low)))
        (i32.const 32))))
    (local.set $k (v128.bitselect (local.get $k) (i64x2.add (local.get $k) (v128.const i64x2 1 1)) (local.get $low)))
    (local.set $f (v128.bitselect (local.get $x) (f64x2.sub (local.get $un) (v128.const f64x2 1 1)) (local.get $small)))
    (local.set $k (v128.andnot (local.get $k) (local.get $small)))
    (local.set $hfsq (f64x2.mul (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $f)) (local.get $f)))
    (local.set $s (f64x2.div (local.get $f) (f64x2.add (v128.const f64x2 2 2) (local.get $f))))
    (local.set $z (f64x2.mul (local.get $s) (local.get $s)))
    (local.set $r (f64x2.mul (local.get $z)
      (f64x2.add (v128.const i64x2 0x3FE5555555555593 0x3FE5555555555593) (f64x2.mul (local.get $z)
      (f64x2.add (v128.const i64x2 0x3FD999999997FA04 0x3FD999999997FA04) (f64x2.mul (local.get $z)
      (f64x2.add (v128.const i64x2 0x3FD2492494229359 0x3FD2492494229359) (f64x2.mul (local.get $z)
      (f64x2.add (v128.const i64x2 0x3FCC71C51D8E78AF 0x3FCC71C51D8E78AF) (f64x2.mul (local.get $z)
      (f64x2.add (v128.const i64x2 0x3FC7466496CB03DE 0x3FC7466496CB03DE) (f64x2.mul (local.get $z)
      (f64x2.add (v128.const i64x2 0x3FC39A09D078C69F 0x3FC39A09D078C69F) (f64x2.mul (local.get $z)
        (v128.const i64x2 0x3FC2F112DF3E5244 0x3FC2F112DF3E5244)))))))))))))))
    ;; k as float64: its low 32 bits (small integers) through i32 lanes.
    (local.set $kf (f64x2.convert_low_i32x4_s
      (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 (local.get $k) (local.get $k))))
    (v128.bitselect
      ;; k = 0: f − (hfsq − s·(hfsq + R))
      (f64x2.sub (local.get $f) (f64x2.sub (local.get $hfsq) (f64x2.mul (local.get $s) (f64x2.add (local.get $hfsq) (local.get $r)))))
      ;; else k·ln2_hi − ((hfsq − (s·(hfsq + R) + (k·ln2_lo + c))) − f)
      (f64x2.sub (f64x2.mul (local.get $kf) (v128.const i64x2 0x3FE62E42FEE00000 0x3FE62E42FEE00000))
        (f64x2.sub
          (f64x2.sub (local.get $hfsq)
            (f64x2.add (f64x2.mul (local.get $s) (f64x2.add (local.get $hfsq) (local.get $r)))
              (f64x2.add (f64x2.mul (local.get $kf) (v128.const i64x2 0x3DEA39EF35793C76 0x3DEA39EF35793C76)) (local.get $c))))
          (local.get $f)))
      (i64x2.eq (local.get $k) (v128.const i64x2 0 0))))

  ;; A float64's high 32 bits, and a float64 from its high bits and another's low bits.
  (func $high (param $x f64) (result i32)
    (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $x)) (i64.const 32))))
  (func $withHigh (param $x f64) (param $hi i32) (result f64)
    (f64.reinterpret_i64 (i64.or
      (i64.and (i64.reinterpret_f64 (local.get $x)) (i64.const 0xFFFFFFFF))
      (i64.shl (i64.extend_i32_u (local.get $hi)) (i64.const 32)))))

  ;; e^x by fdlibm's e_exp.c algorithm as V8 runs it (argument reduction x = k·ln2 + r, a degree-5
  ;; rational approximation of e^r, scaling by 2^k), its constants as exact bit patterns.
  ;; Algorithm: Copyright (C) 1993 Sun Microsystems, Inc.; permission to use, copy, modify and
  ;; distribute is freely granted, provided that this notice is preserved.
  (func $exp (export "exp") (param $x f64) (result f64)
    (local $hx i32) (local $xsb i32) (local $k i32) (local $hi f64) (local $lo f64) (local $t f64) (local $c f64) (local $y f64) (local $twopk f64)
    (local.set $hx (call $high (local.get $x)))
    (local.set $xsb (i32.shr_u (local.get $hx) (i32.const 31)))
    (local.set $hx (i32.and (local.get $hx) (i32.const 0x7FFFFFFF)))
    ;; |x| >= 709.78…: NaN, ±infinity, overflow, underflow.
    (if (i32.ge_u (local.get $hx) (i32.const 0x40862E42))
      (then
        (if (i32.ge_u (local.get $hx) (i32.const 0x7FF00000))
          (then
            (if (i32.or (i32.and (local.get $hx) (i32.const 0xFFFFF)) (i32.wrap_i64 (i64.reinterpret_f64 (local.get $x))))
              (then (return (f64.add (local.get $x) (local.get $x)))))
            (return (select (local.get $x) (f64.const 0) (i32.eqz (local.get $xsb))))))
        (if (f64.gt (local.get $x) (f64.reinterpret_i64 (i64.const 0x40862E42FEFA39EF)))
          (then (return (f64.const inf))))
        (if (f64.lt (local.get $x) (f64.reinterpret_i64 (i64.const 0xC0874910D52D3051)))
          (then (return (f64.const 0))))))
    ;; Argument reduction.
    (if (i32.gt_u (local.get $hx) (i32.const 0x3FD62E42))
      (then
        (if (i32.lt_u (local.get $hx) (i32.const 0x3FF0A2B2))
          (then
            (if (f64.eq (local.get $x) (f64.const 1))
              (then (return (f64.reinterpret_i64 (i64.const 0x4005BF0A8B145769)))))
            (if (local.get $xsb)
              (then
                (local.set $hi (f64.add (local.get $x) (f64.reinterpret_i64 (i64.const 0x3FE62E42FEE00000))))
                (local.set $lo (f64.reinterpret_i64 (i64.const 0xBDEA39EF35793C76)))
                (local.set $k (i32.const -1)))
              (else
                (local.set $hi (f64.sub (local.get $x) (f64.reinterpret_i64 (i64.const 0x3FE62E42FEE00000))))
                (local.set $lo (f64.reinterpret_i64 (i64.const 0x3DEA39EF35793C76)))
                (local.set $k (i32.const 1)))))
          (else
            (local.set $k (i32.trunc_f64_s (f64.add
              (f64.mul (f64.reinterpret_i64 (i64.const 0x3FF71547652B82FE)) (local.get $x))
              (select (f64.const -0.5) (f64.const 0.5) (local.get $xsb)))))
            (local.set $t (f64.convert_i32_s (local.get $k)))
            (local.set $hi (f64.sub (local.get $x) (f64.mul (local.get $t) (f64.reinterpret_i64 (i64.const 0x3FE62E42FEE00000)))))
            (local.set $lo (f64.mul (local.get $t) (f64.reinterpret_i64 (i64.const 0x3DEA39EF35793C76))))))
        (local.set $x (f64.sub (local.get $hi) (local.get $lo))))
      (else
        ;; |x| < 2^-28: 1 + x.
        (if (i32.lt_u (local.get $hx) (i32.const 0x3E300000))
          (then (return (f64.add (f64.const 1) (local.get $x)))))))
    (local.set $t (f64.mul (local.get $x) (local.get $x)))
    (local.set $twopk (f64.reinterpret_i64 (i64.shl (i64.extend_i32_u
      (i32.add (i32.const 0x3FF00000) (i32.shl
        (select (local.get $k) (i32.add (local.get $k) (i32.const 1000)) (i32.ge_s (local.get $k) (i32.const -1021)))
        (i32.const 20))))
      (i64.const 32))))
    (local.set $c (f64.sub (local.get $x) (f64.mul (local.get $t)
      (f64.add (f64.reinterpret_i64 (i64.const 0x3FC555555555553E)) (f64.mul (local.get $t)
      (f64.add (f64.reinterpret_i64 (i64.const 0xBF66C16C16BEBD93)) (f64.mul (local.get $t)
      (f64.add (f64.reinterpret_i64 (i64.const 0x3F11566AAF25DE2C)) (f64.mul (local.get $t)
      (f64.add (f64.reinterpret_i64 (i64.const 0xBEBBBD41C5D26BF1)) (f64.mul (local.get $t)
        (f64.reinterpret_i64 (i64.const 0x3E66376972BEA4D0)))))))))))))
    (if (i32.eqz (local.get $k))
      (then (return (f64.sub (f64.const 1)
        (f64.sub (f64.div (f64.mul (local.get $x) (local.get $c)) (f64.sub (local.get $c) (f64.const 2))) (local.get $x))))))
    (local.set $y (f64.sub (f64.const 1)
      (f64.sub (f64.sub (local.get $lo) (f64.div (f64.mul (local.get $x) (local.get $c)) (f64.sub (f64.const 2) (local.get $c)))) (local.get $hi))))
    (if (result f64) (i32.ge_s (local.get $k) (i32.const -1021))
      (then
        (if (result f64) (i32.eq (local.get $k) (i32.const 1024))
          (then (f64.mul (f64.mul (local.get $y) (f64.const 2)) (f64.reinterpret_i64 (i64.const 0x7FE0000000000000))))
          (else (f64.mul (local.get $y) (local.get $twopk)))))
      (else (f64.mul (f64.mul (local.get $y) (local.get $twopk)) (f64.reinterpret_i64 (i64.const 0x0170000000000000))))))

  ;; log(1 + x) by fdlibm's s_log1p.c algorithm as V8 runs it (1 + x = 2^k·(1 + f) with a
  ;; correction term c, log(1 + f) by a degree-14 polynomial in s = f/(2 + f)), constants as bits.
  ;; Algorithm: Copyright (C) 1993 Sun Microsystems, Inc.; permission to use, copy, modify and
  ;; distribute is freely granted, provided that this notice is preserved.
  (func $log1p (export "log1p") (param $x f64) (result f64)
    (local $hx i32) (local $ax i32) (local $k i32) (local $hu i32) (local $u f64) (local $c f64) (local $f f64)
    (local $hfsq f64) (local $s f64) (local $z f64) (local $r f64) (local $kf f64)
    (local.set $hx (call $high (local.get $x)))
    (local.set $ax (i32.and (local.get $hx) (i32.const 0x7FFFFFFF)))
    (local.set $k (i32.const 1))
    (if (i32.lt_s (local.get $hx) (i32.const 0x3FDA827A))
      (then
        (if (i32.ge_u (local.get $ax) (i32.const 0x3FF00000))
          (then
            (if (f64.eq (local.get $x) (f64.const -1)) (then (return (f64.const -inf))))
            (return (f64.const nan))))
        (if (i32.lt_u (local.get $ax) (i32.const 0x3E200000))
          (then
            (if (i32.lt_u (local.get $ax) (i32.const 0x3C900000)) (then (return (local.get $x))))
            (return (f64.sub (local.get $x) (f64.mul (f64.mul (local.get $x) (local.get $x)) (f64.const 0.5))))))
        (if (i32.or (i32.gt_s (local.get $hx) (i32.const 0)) (i32.le_s (local.get $hx) (i32.const 0xBFD2BEC4)))
          (then
            (local.set $k (i32.const 0))
            (local.set $f (local.get $x))
            (local.set $hu (i32.const 1))))))
    (if (i32.ge_s (local.get $hx) (i32.const 0x7FF00000)) (then (return (f64.add (local.get $x) (local.get $x)))))
    (if (local.get $k)
      (then
        (if (i32.lt_s (local.get $hx) (i32.const 0x43400000))
          (then
            (local.set $u (f64.add (f64.const 1) (local.get $x)))
            (local.set $hu (call $high (local.get $u)))
            (local.set $k (i32.sub (i32.shr_s (local.get $hu) (i32.const 20)) (i32.const 1023)))
            (local.set $c (f64.div
              (if (result f64) (i32.gt_s (local.get $k) (i32.const 0))
                (then (f64.sub (f64.const 1) (f64.sub (local.get $u) (local.get $x))))
                (else (f64.sub (local.get $x) (f64.sub (local.get $u) (f64.const 1)))))
              (local.get $u))))
          (else
            (local.set $u (local.get $x))
            (local.set $hu (call $high (local.get $u)))
            (local.set $k (i32.sub (i32.shr_s (local.get $hu) (i32.const 20)) (i32.const 1023)))
            (local.set $c (f64.const 0))))
        (local.set $hu (i32.and (local.get $hu) (i32.const 0x000FFFFF)))
        (if (i32.lt_s (local.get $hu) (i32.const 0x6A09E))
          (then (local.set $u (call $withHigh (local.get $u) (i32.or (local.get $hu) (i32.const 0x3FF00000)))))
          (else
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (local.set $u (call $withHigh (local.get $u) (i32.or (local.get $hu) (i32.const 0x3FE00000))))
            (local.set $hu (i32.shr_s (i32.sub (i32.const 0x00100000) (local.get $hu)) (i32.const 2)))))
        (local.set $f (f64.sub (local.get $u) (f64.const 1)))))
    (local.set $hfsq (f64.mul (f64.mul (f64.const 0.5) (local.get $f)) (local.get $f)))
    (local.set $kf (f64.convert_i32_s (local.get $k)))
    (if (i32.eqz (local.get $hu))
      (then
        (if (f64.eq (local.get $f) (f64.const 0))
          (then
            (if (i32.eqz (local.get $k)) (then (return (f64.const 0))))
            (local.set $c (f64.add (local.get $c) (f64.mul (local.get $kf) (f64.reinterpret_i64 (i64.const 0x3DEA39EF35793C76)))))
            (return (f64.add (f64.mul (local.get $kf) (f64.reinterpret_i64 (i64.const 0x3FE62E42FEE00000))) (local.get $c)))))
        (local.set $r (f64.mul (local.get $hfsq)
          (f64.sub (f64.const 1) (f64.mul (f64.reinterpret_i64 (i64.const 0x3FE5555555555555)) (local.get $f)))))
        (if (i32.eqz (local.get $k)) (then (return (f64.sub (local.get $f) (local.get $r)))))
        (return (f64.sub (f64.mul (local.get $kf) (f64.reinterpret_i64 (i64.const 0x3FE62E42FEE00000)))
          (f64.sub (f64.sub (local.get $r)
            (f64.add (f64.mul (local.get $kf) (f64.reinterpret_i64 (i64.const 0x3DEA39EF35793C76))) (local.get $c)))
            (local.get $f))))))
    (local.set $s (f64.div (local.get $f) (f64.add (f64.const 2) (local.get $f))))
    (local.set $z (f64.mul (local.get $s) (local.get $s)))
    (local.set $r (f64.mul (local.get $z)
      (f64.add (f64.reinterpret_i64 (i64.const 0x3FE5555555555593)) (f64.mul (local.get $z)
      (f64.add (f64.reinterpret_i64 (i64.const 0x3FD999999997FA04)) (f64.mul (local.get $z)
      (f64.add (f64.reinterpret_i64 (i64.const 0x3FD2492494229359)) (f64.mul (local.get $z)
      (f64.add (f64.reinterpret_i64 (i64.const 0x3FCC71C51D8E78AF)) (f64.mul (local.get $z)
      (f64.add (f64.reinterpret_i64 (i64.const 0x3FC7466496CB03DE)) (f64.mul (local.get $z)
      (f64.add (f64.reinterpret_i64 (i64.const 0x3FC39A09D078C69F)) (f64.mul (local.get $z)
        (f64.reinterpret_i64 (i64.const 0x3FC2F112DF3E5244))))))))))))))))
    (if (i32.eqz (local.get $k))
      (then (return (f64.sub (local.get $f)
        (f64.sub (local.get $hfsq) (f64.mul (local.get $s) (f64.add (local.get $hfsq) (local.get $r))))))))
    (f64.sub (f64.mul (local.get $kf) (f64.reinterpret_i64 (i64.const 0x3FE62E42FEE00000)))
      (f64.sub
        (f64.sub (local.get $hfsq)
          (f64.add (f64.mul (local.get $s) (f64.add (local.get $hfsq) (local.get $r)))
            (f64.add (f64.mul (local.get $kf) (f64.reinterpret_i64 (i64.const 0x3DEA39EF35793C76))) (local.get $c))))
        (local.get $f))))
)
