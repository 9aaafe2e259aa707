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
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; Zeroes the listed features' slots of `hist`, then adds (grad[r], hess[r], 1) to the bin
  ;; of each listed feature for the rows ids[start…end), in that order.
  (func (export "hist")
    (param $bins i32) (param $cols i32) (param $grad i32) (param $hess i32)
    (param $ids i32) (param $start i32) (param $end i32)
    (param $feats i32) (param $nf i32) (param $hist i32)
    (local $p i32) (local $pend i32) (local $fp i32) (local $fend i32)
    (local $r i32) (local $row i32) (local $f i32) (local $o i32) (local $gh v128)
    (local.set $fend (i32.add (local.get $feats) (i32.shl (local.get $nf) (i32.const 2))))
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
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $p) (local.get $pend)))
        (local.set $r (i32.load (local.get $p)))
        ;; (g, h) in the two lanes of one vector: f64x2.add rounds each lane as the scalar f64.add does.
        (local.set $gh
          (f64x2.replace_lane 1
            (f64x2.splat (f64.load (i32.add (local.get $grad) (i32.shl (local.get $r) (i32.const 3)))))
            (f64.load (i32.add (local.get $hess) (i32.shl (local.get $r) (i32.const 3))))))
        (local.set $row (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $cols))))
        (local.set $fp (local.get $feats))
        (block $feats_done
          (loop $each
            (br_if $feats_done (i32.ge_u (local.get $fp) (local.get $fend)))
            (local.set $f (i32.load (local.get $fp)))
            (local.set $o
              (i32.add (local.get $hist)
                (i32.add (i32.mul (local.get $f) (i32.const 6144))
                         (i32.mul (i32.load8_u (i32.add (local.get $row) (local.get $f))) (i32.const 24)))))
            (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (local.get $gh)))
            (f64.store offset=16 (local.get $o) (f64.add (f64.load offset=16 (local.get $o)) (f64.const 1)))
            (local.set $fp (i32.add (local.get $fp) (i32.const 4)))
            (br $each)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $rows))))

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
