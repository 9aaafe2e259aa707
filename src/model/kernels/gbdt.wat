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
  (func (export "hist")
    (param $bins i32) (param $cols i32) (param $grad i32) (param $hess i32)
    (param $ids i32) (param $start i32) (param $end i32)
    (param $feats i32) (param $nf i32) (param $hist i32) (param $scratch i32) (param $known i32)
    (local $p i32) (local $pend i32) (local $blockEnd i32) (local $fp i32) (local $fend i32)
    (local $r i32) (local $f i32) (local $f2 i32) (local $hf i32) (local $hf2 i32) (local $cf i32) (local $cf2 i32)
    (local $dummy i32) (local $gathered i32) (local $rowAt i32) (local $g i32) (local $q i32) (local $qend i32)
    (local $row i32) (local $touched i32) (local $b i32) (local $b2 i32) (local $o i32) (local $gh v128) (local $k i32)
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
            (v128.store (local.get $g)
              (f64x2.replace_lane 1
                (f64x2.splat (f64.load (i32.add (local.get $grad) (i32.shl (local.get $r) (i32.const 3)))))
                (f64.load (i32.add (local.get $hess) (i32.shl (local.get $r) (i32.const 3))))))
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
  ;; place in order, right rows go through `scratch` and follow them. Branch-free: each row is
  ;; written to both sides and only one cursor moves, as a split's sides are unpredictable.
  ;; Returns the index where the right side begins.
  (func (export "partition")
    (param $bins i32) (param $cols i32) (param $f i32) (param $table i32)
    (param $ids i32) (param $scratch i32) (param $start i32) (param $end i32) (result i32)
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
    (memory.copy (local.get $l) (local.get $scratch) (i32.sub (local.get $s) (local.get $scratch)))
    (i32.shr_u (i32.sub (local.get $l) (local.get $ids)) (i32.const 2))))
