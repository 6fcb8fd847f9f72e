//! Grouping statement vectors into themes.
//!
//! Every method has the same shape as linfa's algorithms: a small parameter
//! struct whose `fit` takes the unit vectors and returns a [`Clustering`].

mod agglomerative;
mod cache;
pub mod graph;
mod kmeans;
pub mod linkage;
pub mod similarity;

pub use agglomerative::Agglomerative;
pub use cache::ClusterCache;
pub use kmeans::KMeans;

use crate::text::lexical::TermVector;
use ndarray::ArrayView2;
use serde::Serialize;

/// A flat assignment of rows to clusters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clustering {
    /// `labels[i]` is the cluster of row `i`; labels are numbered by first appearance.
    pub labels: Vec<usize>,
}

impl Clustering {
    /// Build from arbitrary labels, renumbering them by first appearance so the
    /// result does not depend on how the algorithm happened to name clusters.
    pub fn from_raw(raw: &[usize]) -> Self {
        let mut map = std::collections::HashMap::new();
        let labels = raw
            .iter()
            .map(|&r| {
                let next = map.len();
                *map.entry(r).or_insert(next)
            })
            .collect();
        Clustering { labels }
    }

    /// Number of clusters.
    pub fn len(&self) -> usize {
        self.labels.iter().max().map_or(0, |m| m + 1)
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Row indices of each cluster, clusters in label order, rows ascending.
    pub fn members(&self) -> Vec<Vec<usize>> {
        let mut groups = vec![Vec::new(); self.len()];
        for (row, &label) in self.labels.iter().enumerate() {
            groups[label].push(row);
        }
        groups
    }
}

/// What is clustered: one unit vector per statement, and optionally its TF-IDF terms.
#[derive(Debug, Clone, Copy)]
pub struct Points<'a> {
    /// L2-normalised embeddings, one row per statement.
    pub vectors: ArrayView2<'a, f32>,
    /// TF-IDF vectors, one per row, or empty when only embeddings are used.
    pub terms: &'a [TermVector],
}

impl<'a> Points<'a> {
    /// Points with embeddings only.
    pub fn new(vectors: ArrayView2<'a, f32>) -> Self {
        Points {
            vectors,
            terms: &[],
        }
    }

    /// An owned copy of the given rows, for clustering one component on its own.
    pub fn subset(&self, rows: &[usize]) -> OwnedPoints {
        OwnedPoints {
            vectors: self.vectors.select(ndarray::Axis(0), rows),
            terms: if self.terms.is_empty() {
                Vec::new()
            } else {
                rows.iter().map(|&r| self.terms[r].clone()).collect()
            },
        }
    }
}

/// Owned rows of [`Points`]; borrow them back with [`OwnedPoints::view`].
#[derive(Debug, Clone)]
pub struct OwnedPoints {
    /// The rows' vectors.
    pub vectors: ndarray::Array2<f32>,
    /// The rows' term vectors (empty when unused).
    pub terms: Vec<TermVector>,
}

impl OwnedPoints {
    /// Borrow as [`Points`].
    pub fn view(&self) -> Points<'_> {
        Points {
            vectors: self.vectors.view(),
            terms: &self.terms,
        }
    }
}

/// A clustering algorithm over statement points.
pub trait Fit {
    /// Cluster the points.
    fn fit(&self, points: &Points) -> Result<Clustering, ClusterError>;
}

/// The clustering method chosen on the command line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "lowercase")]
pub enum Method {
    /// Average-linkage agglomerative clustering cut at a cosine threshold.
    Agglomerative(Agglomerative),
    /// k-means with a fixed seed (linfa).
    KMeans(KMeans),
}

impl Fit for Method {
    fn fit(&self, points: &Points) -> Result<Clustering, ClusterError> {
        match self {
            Method::Agglomerative(m) => m.fit(points),
            Method::KMeans(m) => m.fit(points),
        }
    }
}

/// Why clustering failed.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    /// A parameter is out of range.
    #[error("{0}")]
    Invalid(String),
    /// linfa reported an error.
    #[error("k-means: {0}")]
    KMeans(String),
}
