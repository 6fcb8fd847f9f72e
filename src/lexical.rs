//! Sparse TF-IDF vectors over content words: the lexical half of theme similarity.
//!
//! Sentence embeddings of documents on one subject sit close together, so two
//! statements sharing a rare term ("IGF", "mandate") can score no higher than two
//! that merely share the subject. A small TF-IDF bonus lets rare shared terms count.

use crate::text::content_words;
use std::collections::{BTreeMap, HashMap};

/// An L2-normalised sparse vector: (term id, weight), sorted by term id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVector(pub Vec<(u32, f32)>);

impl TermVector {
    /// Cosine of two normalised vectors (a merge over sorted ids).
    pub fn dot(&self, other: &TermVector) -> f32 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut sum) = (0, 0, 0f32);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

/// For each term id, the rows that use it and their weight, rows ascending: the
/// inverted index that lets a row meet only the rows it shares a term with.
pub fn postings(terms: &[TermVector]) -> Vec<Vec<(usize, f32)>> {
    let width = terms
        .iter()
        .flat_map(|t| t.0.iter().map(|&(id, _)| id as usize + 1))
        .max()
        .unwrap_or(0);
    let mut index = vec![Vec::new(); width];
    for (row, t) in terms.iter().enumerate() {
        for &(id, w) in &t.0 {
            index[id as usize].push((row, w));
        }
    }
    index
}

/// TF-IDF vectors of `texts` with smoothed idf, `ln((1+n)/(1+df)) + 1`.
pub fn tfidf(texts: &[&str]) -> Vec<TermVector> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let counts: Vec<BTreeMap<u32, f32>> = texts
        .iter()
        .map(|t| {
            let mut c = BTreeMap::new();
            for w in content_words(t) {
                let next = ids.len() as u32;
                let id = *ids.entry(w).or_insert(next);
                *c.entry(id).or_insert(0.0) += 1.0;
            }
            c
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for c in &counts {
        for &id in c.keys() {
            df[id as usize] += 1;
        }
    }
    let n = texts.len() as f32;
    counts
        .into_iter()
        .map(|c| {
            let mut v: Vec<(u32, f32)> = c
                .into_iter()
                .map(|(id, tf)| {
                    let idf = ((1.0 + n) / (1.0 + df[id as usize] as f32)).ln() + 1.0;
                    (id, tf * idf)
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            TermVector(v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_rare_terms_score_higher() {
        let v = tfidf(&[
            "renew the IGF mandate",
            "a permanent IGF mandate",
            "digital cooperation matters",
        ]);
        assert!((v[0].dot(&v[0]) - 1.0).abs() < 1e-5);
        assert!(v[0].dot(&v[1]) > 0.3);
        assert_eq!(v[0].dot(&v[2]), 0.0);
    }
}
