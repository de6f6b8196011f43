//! Classification metrics: cross-entropy and argmax from logits, accuracy and macro-F1.

use crate::error::TextError;

/// Per-example cross-entropy `logsumexp(z) - z[label]` and the argmax class of row-major
/// `logits` [B, num_classes], B = `labels.len()`. Computed in f64 with the max subtracted
/// (stable for large logits). Argmax ties go to the smallest class id; a NaN logit never wins
/// (its loss is NaN). Errors if the sizes disagree or a label is `>= num_classes`.
pub fn cross_entropy_and_argmax(
    logits: &[f32],
    num_classes: usize,
    labels: &[usize],
) -> Result<(Vec<f64>, Vec<usize>), TextError> {
    if num_classes == 0 || logits.len() != labels.len() * num_classes {
        return Err(TextError::Shape(format!(
            "logits have {} values but {} labels x {num_classes} classes need {}",
            logits.len(),
            labels.len(),
            labels.len() * num_classes
        )));
    }
    let mut losses = Vec::with_capacity(labels.len());
    let mut preds = Vec::with_capacity(labels.len());
    for (row, &y) in logits.chunks_exact(num_classes).zip(labels) {
        if y >= num_classes {
            return Err(TextError::Shape(format!(
                "label {y} is out of range for {num_classes} classes"
            )));
        }
        let arg = argmax(row);
        let m = row[arg] as f64;
        let sum: f64 = row.iter().map(|&z| (z as f64 - m).exp()).sum();
        let lse = m + sum.ln();
        losses.push(lse - row[y] as f64);
        preds.push(arg);
    }
    Ok((losses, preds))
}

/// The argmax class of each row of `logits` [B, num_classes] (ties: the smallest id).
pub fn argmax_rows(logits: &[f32], num_classes: usize) -> Result<Vec<usize>, TextError> {
    if num_classes == 0 || !logits.len().is_multiple_of(num_classes) {
        return Err(TextError::Shape(format!(
            "logits have {} values, not a multiple of {num_classes} classes",
            logits.len()
        )));
    }
    Ok(logits.chunks_exact(num_classes).map(argmax).collect())
}

fn argmax(row: &[f32]) -> usize {
    let mut best = 0;
    for (i, &z) in row.iter().enumerate() {
        if z > row[best] || row[best].is_nan() && !z.is_nan() {
            best = i;
        }
    }
    best
}

/// Accumulates (predicted, true) pairs and the summed loss over an evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassificationMetrics {
    num_classes: usize,
    /// confusion[true * num_classes + predicted]
    confusion: Vec<u64>,
    loss_sum: f64,
    count: u64,
}

impl ClassificationMetrics {
    pub fn new(num_classes: usize) -> Self {
        Self {
            num_classes,
            confusion: vec![0; num_classes * num_classes],
            loss_sum: 0.0,
            count: 0,
        }
    }

    pub fn num_classes(&self) -> usize {
        self.num_classes
    }

    /// Adds one example. Panics if a class id is out of range (a bug of the caller).
    pub fn add(&mut self, predicted: usize, truth: usize, loss: f64) {
        assert!(
            predicted < self.num_classes && truth < self.num_classes,
            "class id out of range: predicted {predicted}, true {truth}, {} classes",
            self.num_classes
        );
        self.confusion[truth * self.num_classes + predicted] += 1;
        self.loss_sum += loss;
        self.count += 1;
    }

    /// Adds a batch (`predicted`, `truth` and `losses` of equal length).
    pub fn add_batch(&mut self, predicted: &[usize], truth: &[usize], losses: &[f64]) {
        assert!(
            predicted.len() == truth.len() && truth.len() == losses.len(),
            "batch lengths differ"
        );
        for ((&p, &t), &l) in predicted.iter().zip(truth).zip(losses) {
            self.add(p, t, l);
        }
    }

    /// Computes losses and predictions from logits [B, num_classes] and adds them.
    pub fn add_logits(&mut self, logits: &[f32], labels: &[usize]) -> Result<(), TextError> {
        let (losses, preds) = cross_entropy_and_argmax(logits, self.num_classes, labels)?;
        self.add_batch(&preds, labels, &losses);
        Ok(())
    }

    /// Merges another accumulator of the same number of classes.
    pub fn merge(&mut self, other: &ClassificationMetrics) {
        assert_eq!(
            self.num_classes, other.num_classes,
            "merging metrics of different class counts"
        );
        for (a, b) in self.confusion.iter_mut().zip(&other.confusion) {
            *a += b;
        }
        self.loss_sum += other.loss_sum;
        self.count += other.count;
    }

    /// Number of examples added.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The confusion matrix, row-major [true, predicted].
    pub fn confusion(&self) -> &[u64] {
        &self.confusion
    }

    /// Fraction of correct predictions (0 when empty).
    pub fn accuracy(&self) -> f64 {
        if self.count == 0 {
            return 0.0;
        }
        let correct: u64 = (0..self.num_classes)
            .map(|c| self.confusion[c * self.num_classes + c])
            .sum();
        correct as f64 / self.count as f64
    }

    /// Macro-averaged F1, as scikit-learn's `f1_score(average="macro")` with its default
    /// labels: per-class F1 = 2 TP / (2 TP + FP + FN), averaged over the classes that occur as a
    /// true label or a prediction (y_true ∪ y_pred). A class with no true and no predicted
    /// example is excluded from the mean; a class that occurs only on one side counts with F1 = 0.
    /// 0 when empty.
    pub fn macro_f1(&self) -> f64 {
        let k = self.num_classes;
        let mut sum = 0.0;
        let mut n = 0usize;
        for c in 0..k {
            let tp = self.confusion[c * k + c];
            let fn_: u64 = (0..k).map(|p| self.confusion[c * k + p]).sum::<u64>() - tp;
            let fp: u64 = (0..k).map(|t| self.confusion[t * k + c]).sum::<u64>() - tp;
            if tp + fn_ + fp == 0 {
                continue;
            }
            sum += 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64;
            n += 1;
        }
        if n == 0 {
            0.0
        } else {
            sum / n as f64
        }
    }

    /// Mean of the added losses (0 when empty).
    pub fn mean_loss(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.loss_sum / self.count as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn cross_entropy_hand_values() {
        // Row 0: z = [1, 2, 3], y = 2: logsumexp = 3 + ln(e^-2 + e^-1 + 1) = 3.40760596444438,
        // loss = 0.40760596444438. Row 1: z = [1000, 0], well, [1000, 0, 0], y = 1: loss =
        // 1000 + ln(1 + 2 e^-1000) ≈ 1000 exactly (no overflow). Row 2: ties [5, 5, 5] -> class 0,
        // loss ln 3.
        let logits = [1.0, 2.0, 3.0, 1000.0, 0.0, 0.0, 5.0, 5.0, 5.0];
        let (loss, pred) = cross_entropy_and_argmax(&logits, 3, &[2, 1, 1]).unwrap();
        assert!(close(loss[0], 0.407_605_964_444_379_7), "{}", loss[0]);
        assert!(close(loss[1], 1000.0));
        assert!(close(loss[2], 3f64.ln()));
        assert_eq!(pred, vec![2, 0, 0]);
        assert_eq!(argmax_rows(&logits, 3).unwrap(), vec![2, 0, 0]);
        assert!(cross_entropy_and_argmax(&logits, 3, &[0, 1]).is_err());
        assert!(cross_entropy_and_argmax(&logits, 3, &[0, 1, 3]).is_err());
        assert!(argmax_rows(&logits, 2).is_err());
        assert_eq!(argmax_rows(&[f32::NAN, 1.0, 0.5], 3).unwrap(), vec![1]);
    }

    #[test]
    fn accuracy_and_macro_f1_match_sklearn() {
        // sklearn's f1_score docs example: y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1].
        // class 0: TP 2, FP 1, FN 0 -> F1 = 4 / 5 = 0.8; class 1: TP 0 -> 0; class 2: TP 0 -> 0.
        // macro = 0.8 / 3 = 0.2666..., accuracy = 2 / 6. With a 4th class that never occurs
        // (neither true nor predicted) sklearn's default labels (y_true ∪ y_pred) leave it out.
        let truth = [0, 1, 2, 0, 1, 2];
        let pred = [0, 2, 1, 0, 0, 1];
        let mut m = ClassificationMetrics::new(4);
        m.add_batch(&pred, &truth, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        assert!(close(m.accuracy(), 2.0 / 6.0));
        assert!(close(m.macro_f1(), 0.8 / 3.0), "{}", m.macro_f1());
        assert!(close(m.mean_loss(), 3.5));
        assert_eq!(m.count(), 6);

        // A class that is only predicted counts with F1 = 0: y_true = [0, 0, 1], y_pred = [0, 2, 1].
        // class 0: TP 1, FN 1 -> 2/3; class 1: 1; class 2: FP 1 -> 0; macro = (2/3 + 1 + 0) / 3 = 5/9.
        let mut m = ClassificationMetrics::new(3);
        m.add_batch(&[0, 2, 1], &[0, 0, 1], &[0.0; 3]);
        assert!(close(m.macro_f1(), 5.0 / 9.0));
        // Merging two halves gives the same as one pass.
        let mut a = ClassificationMetrics::new(3);
        a.add(0, 0, 0.0);
        let mut b = ClassificationMetrics::new(3);
        b.add_batch(&[2, 1], &[0, 1], &[0.0; 2]);
        a.merge(&b);
        assert_eq!(a, m);
        // Empty.
        let e = ClassificationMetrics::new(2);
        assert_eq!((e.accuracy(), e.macro_f1(), e.mean_loss()), (0.0, 0.0, 0.0));
    }

    #[test]
    fn add_logits() {
        let mut m = ClassificationMetrics::new(2);
        m.add_logits(&[0.0, 0.0, 2.0, -1.0], &[1, 0]).unwrap();
        assert!(close(
            m.mean_loss(),
            (2f64.ln() + (1.0 + (-3f64).exp()).ln()) / 2.0
        ));
        assert!(close(m.accuracy(), 0.5)); // the tie predicts class 0
    }
}
