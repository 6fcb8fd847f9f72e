//! Wall-clock time per pipeline stage, for `--timings`.

use std::time::{Duration, Instant};

/// Stage names and how long each took, in the order they ran.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    stages: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Run `f` and record its duration under `stage`.
    pub fn time<T>(&mut self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.stages.push((stage, start.elapsed()));
        out
    }

    /// One line per stage plus a total, for stderr.
    pub fn report(&self) -> String {
        let total: Duration = self.stages.iter().map(|(_, d)| *d).sum();
        let mut s = String::new();
        for (name, d) in &self.stages {
            s.push_str(&format!("{name:>8}  {:>9.3} s\n", d.as_secs_f64()));
        }
        s.push_str(&format!("{:>8}  {:>9.3} s\n", "total", total.as_secs_f64()));
        s
    }
}
