;; Dense-layer matrix kernels for the MLP training loop: 128-bit SIMD (f32x4), hand-written.
;;
;; Source of src/model/kernels/dense-wasm.ts (regenerate with `node scripts/build-wasm.mjs`).
;;
;; One strided product covers the three products of a Dense layer's step:
;;   C[i, j] = bias[j] + sum over p of A[i*sai + p*sap] * B[p*ldb + j]
;; forward   Z  = X·W      (A = X, sai = nIn, sap = 1;  B = W)
;; weights   dW = Xᵀ·dZ    (A = X, sai = 1,   sap = nIn; B = dZ)
;; inputs    dX = dZ·Wᵀ    (A = dZ, B = Wᵀ, transposed by the caller)
;; All indices and strides are in float32 elements; pointers are byte offsets into the imported
;; memory. pbias < 0 means no bias (the sum starts from 0).
;;
;; Determinism: no FMA, no relaxed SIMD. Every output element, whichever tile computes it, is
;; start + A0*B0 + A1*B1 + ... in increasing p, each product and each sum rounded to float32:
;; SIMD lanes do exactly what the scalar edge loop does, so results are bitwise-identical on
;; every machine and for every shape. Tiles of 4 rows × 8 columns keep 8 accumulators, 2 B
;; vectors and a splat in registers (11 of the 16 x64 vector registers).
(module
  (import "env" "memory" (memory 1))

  (func (export "gemm")
    (param $pa i32) (param $sai i32) (param $sap i32)
    (param $pb i32) (param $ldb i32) (param $pbias i32)
    (param $pc i32) (param $ldc i32)
    (param $ni i32) (param $nj i32) (param $np i32)
    (local $i i32) (local $j i32) (local $r i32)
    ;; strides to bytes
    (local.set $sai (i32.shl (local.get $sai) (i32.const 2)))
    (local.set $sap (i32.shl (local.get $sap) (i32.const 2)))
    (local.set $ldb (i32.shl (local.get $ldb) (i32.const 2)))
    (local.set $ldc (i32.shl (local.get $ldc) (i32.const 2)))
    ;; groups of 4 rows: 4×8 tiles, then each row's leftover columns
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $ni)))
        (local.set $j (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $nj)))
            (call $tile4x8
              (i32.add (local.get $pa) (i32.mul (local.get $i) (local.get $sai)))
              (local.get $sai) (local.get $sap)
              (i32.add (local.get $pb) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldb)
              (call $bias_at (local.get $pbias) (local.get $j))
              (i32.add (i32.add (local.get $pc) (i32.mul (local.get $i) (local.get $ldc)))
                       (i32.shl (local.get $j) (i32.const 2)))
              (local.get $ldc) (local.get $np))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $cols)))
        (local.set $r (i32.const 0))
        (block $tail_done
          (loop $tail
            (br_if $tail_done (i32.ge_u (local.get $r) (i32.const 4)))
            (call $row_from
              (i32.add (local.get $pa) (i32.mul (i32.add (local.get $i) (local.get $r)) (local.get $sai)))
              (local.get $sap) (local.get $pb) (local.get $ldb) (local.get $pbias)
              (i32.add (local.get $pc) (i32.mul (i32.add (local.get $i) (local.get $r)) (local.get $ldc)))
              (local.get $j) (local.get $nj) (local.get $np))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $tail)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)))
    ;; leftover rows, one at a time
    (block $left_done
      (loop $left
        (br_if $left_done (i32.ge_u (local.get $i) (local.get $ni)))
        (call $row_from
          (i32.add (local.get $pa) (i32.mul (local.get $i) (local.get $sai)))
          (local.get $sap) (local.get $pb) (local.get $ldb) (local.get $pbias)
          (i32.add (local.get $pc) (i32.mul (local.get $i) (local.get $ldc)))
          (i32.const 0) (local.get $nj) (local.get $np))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $left))))

  ;; ReLU in place over n floats: max(v, 0) (so -0 becomes +0, NaN stays NaN).
  ;; In wasm because in JS the rows of a batch cost as much as the products.
  (func (export "relu") (param $p i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $vec_done
      (loop $vec
        (br_if $vec_done (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $p) (f32x4.max (v128.load (local.get $p)) (v128.const i32x4 0 0 0 0)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $vec)))
    (block $one_done
      (loop $one
        (br_if $one_done (i32.ge_u (local.get $p) (local.get $end)))
        (f32.store (local.get $p) (f32.max (f32.load (local.get $p)) (f32.const 0)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $one))))

  ;; ReLU backward in place: d = a > 0 ? d : 0, where a is the ReLU output. Branch-free: in JS
  ;; the branch mispredicts on half the units and measured a quarter of a training step.
  (func (export "relu_backward") (param $pd i32) (param $pa i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $pd) (i32.shl (local.get $n) (i32.const 2))))
    (block $vec_done
      (loop $vec
        (br_if $vec_done (i32.gt_u (i32.add (local.get $pd) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $pd)
          (v128.and (v128.load (local.get $pd))
                    (f32x4.gt (v128.load (local.get $pa)) (v128.const i32x4 0 0 0 0))))
        (local.set $pd (i32.add (local.get $pd) (i32.const 16)))
        (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
        (br $vec)))
    (block $one_done
      (loop $one
        (br_if $one_done (i32.ge_u (local.get $pd) (local.get $end)))
        (f32.store (local.get $pd)
          (select (f32.load (local.get $pd)) (f32.const 0)
                  (f32.gt (f32.load (local.get $pa)) (f32.const 0))))
        (local.set $pd (i32.add (local.get $pd) (i32.const 4)))
        (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
        (br $one))))

  ;; Byte address of bias[j], or -1 when there is no bias.
  (func $bias_at (param $pbias i32) (param $j i32) (result i32)
    (select
      (i32.const -1)
      (i32.add (local.get $pbias) (i32.shl (local.get $j) (i32.const 2)))
      (i32.lt_s (local.get $pbias) (i32.const 0))))

  ;; One output row from column $j0 on: 4-wide vectors, then single columns.
  ;; $pa: A of this row at p = 0; $pc: C of this row at column 0.
  (func $row_from
    (param $pa i32) (param $sap i32) (param $pb i32) (param $ldb i32) (param $pbias i32)
    (param $pc i32) (param $j0 i32) (param $nj i32) (param $np i32)
    (local $j i32)
    (local.set $j (local.get $j0))
    (block $vec_done
      (loop $vec
        (br_if $vec_done (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $nj)))
        (call $tile1x4 (local.get $pa) (local.get $sap)
          (i32.add (local.get $pb) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldb)
          (call $bias_at (local.get $pbias) (local.get $j))
          (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 2))) (local.get $np))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vec)))
    (block $one_done
      (loop $one
        (br_if $one_done (i32.ge_u (local.get $j) (local.get $nj)))
        (call $tile1x1 (local.get $pa) (local.get $sap)
          (i32.add (local.get $pb) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldb)
          (call $bias_at (local.get $pbias) (local.get $j))
          (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 2))) (local.get $np))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $one))))

  ;; 4 rows × 8 columns. Byte strides: $sai between the 4 rows' A, $sap per step of p,
  ;; $ldb per step of p in B, $ldc between the 4 rows of C.
  (func $tile4x8
    (param $pa i32) (param $sai i32) (param $sap i32) (param $pb i32) (param $ldb i32)
    (param $pbias i32) (param $pc i32) (param $ldc i32) (param $np i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $s v128)
    (if (i32.ge_s (local.get $pbias) (i32.const 0))
      (then
        (local.set $c00 (v128.load (local.get $pbias)))
        (local.set $c01 (v128.load offset=16 (local.get $pbias)))))
    (local.set $c10 (local.get $c00)) (local.set $c11 (local.get $c01))
    (local.set $c20 (local.get $c00)) (local.set $c21 (local.get $c01))
    (local.set $c30 (local.get $c00)) (local.set $c31 (local.get $c01))
    (local.set $a1 (i32.add (local.get $pa) (local.get $sai)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $sai)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $sai)))
    (block $done
      (loop $p
        (br_if $done (i32.eqz (local.get $np)))
        (local.set $b0 (v128.load (local.get $pb)))
        (local.set $b1 (v128.load offset=16 (local.get $pb)))
        (local.set $s (v128.load32_splat (local.get $pa)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $s) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $s) (local.get $b1))))
        (local.set $s (v128.load32_splat (local.get $a1)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $s) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $s) (local.get $b1))))
        (local.set $s (v128.load32_splat (local.get $a2)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $s) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $s) (local.get $b1))))
        (local.set $s (v128.load32_splat (local.get $a3)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $s) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $s) (local.get $b1))))
        (local.set $pa (i32.add (local.get $pa) (local.get $sap)))
        (local.set $a1 (i32.add (local.get $a1) (local.get $sap)))
        (local.set $a2 (i32.add (local.get $a2) (local.get $sap)))
        (local.set $a3 (i32.add (local.get $a3) (local.get $sap)))
        (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
        (local.set $np (i32.sub (local.get $np) (i32.const 1)))
        (br $p)))
    (v128.store (local.get $pc) (local.get $c00))
    (v128.store offset=16 (local.get $pc) (local.get $c01))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (v128.store (local.get $pc) (local.get $c10))
    (v128.store offset=16 (local.get $pc) (local.get $c11))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (v128.store (local.get $pc) (local.get $c20))
    (v128.store offset=16 (local.get $pc) (local.get $c21))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
    (v128.store (local.get $pc) (local.get $c30))
    (v128.store offset=16 (local.get $pc) (local.get $c31)))

  ;; 1 row × 4 columns.
  (func $tile1x4
    (param $pa i32) (param $sap i32) (param $pb i32) (param $ldb i32)
    (param $pbias i32) (param $pc i32) (param $np i32)
    (local $c v128)
    (if (i32.ge_s (local.get $pbias) (i32.const 0))
      (then (local.set $c (v128.load (local.get $pbias)))))
    (block $done
      (loop $p
        (br_if $done (i32.eqz (local.get $np)))
        (local.set $c (f32x4.add (local.get $c)
          (f32x4.mul (v128.load32_splat (local.get $pa)) (v128.load (local.get $pb)))))
        (local.set $pa (i32.add (local.get $pa) (local.get $sap)))
        (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
        (local.set $np (i32.sub (local.get $np) (i32.const 1)))
        (br $p)))
    (v128.store (local.get $pc) (local.get $c)))

  ;; 1 row × 1 column, scalar.
  (func $tile1x1
    (param $pa i32) (param $sap i32) (param $pb i32) (param $ldb i32)
    (param $pbias i32) (param $pc i32) (param $np i32)
    (local $c f32)
    (if (i32.ge_s (local.get $pbias) (i32.const 0))
      (then (local.set $c (f32.load (local.get $pbias)))))
    (block $done
      (loop $p
        (br_if $done (i32.eqz (local.get $np)))
        (local.set $c (f32.add (local.get $c)
          (f32.mul (f32.load (local.get $pa)) (f32.load (local.get $pb)))))
        (local.set $pa (i32.add (local.get $pa) (local.get $sap)))
        (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
        (local.set $np (i32.sub (local.get $np) (i32.const 1)))
        (br $p)))
    (f32.store (local.get $pc) (local.get $c)))
)
