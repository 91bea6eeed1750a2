//! CloudWatch metric alarms of one Region (ecs-facts.md §3.4): what an alarm watches (a metric, a statistic
//! over a period), when it breaches (threshold and comparison, M of N datapoints), its state (`OK`, `ALARM`,
//! `INSUFFICIENT_DATA`) with the reason CloudWatch gives, and the actions it invokes (Application Auto Scaling
//! policy ARNs are the ones the sandbox acts on).

use crate::clock::SimTime;
use crate::tuning::ACCOUNT_ID;

/// An alarm's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AlarmState {
    Ok,
    Alarm,
    InsufficientData,
}

impl AlarmState {
    pub fn as_str(self) -> &'static str {
        match self {
            AlarmState::Ok => "OK",
            AlarmState::Alarm => "ALARM",
            AlarmState::InsufficientData => "INSUFFICIENT_DATA",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "OK" => AlarmState::Ok,
            "ALARM" => AlarmState::Alarm,
            "INSUFFICIENT_DATA" => AlarmState::InsufficientData,
            _ => return None,
        })
    }
}

/// `ComparisonOperator` for static thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    GreaterThanOrEqualToThreshold,
    GreaterThanThreshold,
    LessThanThreshold,
    LessThanOrEqualToThreshold,
}

impl Comparison {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "GreaterThanOrEqualToThreshold" => Comparison::GreaterThanOrEqualToThreshold,
            "GreaterThanThreshold" => Comparison::GreaterThanThreshold,
            "LessThanThreshold" => Comparison::LessThanThreshold,
            "LessThanOrEqualToThreshold" => Comparison::LessThanOrEqualToThreshold,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::GreaterThanOrEqualToThreshold => "GreaterThanOrEqualToThreshold",
            Comparison::GreaterThanThreshold => "GreaterThanThreshold",
            Comparison::LessThanThreshold => "LessThanThreshold",
            Comparison::LessThanOrEqualToThreshold => "LessThanOrEqualToThreshold",
        }
    }

    /// The words CloudWatch's state reasons use: `greater than or equal to`.
    pub fn words(self) -> &'static str {
        match self {
            Comparison::GreaterThanOrEqualToThreshold => "greater than or equal to",
            Comparison::GreaterThanThreshold => "greater than",
            Comparison::LessThanThreshold => "less than",
            Comparison::LessThanOrEqualToThreshold => "less than or equal to",
        }
    }

    pub fn breaches(self, value: f64, threshold: f64) -> bool {
        match self {
            Comparison::GreaterThanOrEqualToThreshold => value >= threshold,
            Comparison::GreaterThanThreshold => value > threshold,
            Comparison::LessThanThreshold => value < threshold,
            Comparison::LessThanOrEqualToThreshold => value <= threshold,
        }
    }
}

/// `TreatMissingData`: how a period without a datapoint counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingData {
    /// The default: missing periods are skipped; all missing gives INSUFFICIENT_DATA.
    Missing,
    Breaching,
    NotBreaching,
    /// The alarm keeps its state.
    Ignore,
}

impl MissingData {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "missing" => MissingData::Missing,
            "breaching" => MissingData::Breaching,
            "notBreaching" => MissingData::NotBreaching,
            "ignore" => MissingData::Ignore,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            MissingData::Missing => "missing",
            MissingData::Breaching => "breaching",
            MissingData::NotBreaching => "notBreaching",
            MissingData::Ignore => "ignore",
        }
    }
}

/// One metric alarm.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricAlarm {
    pub name: String,
    pub region: String,
    pub description: Option<String>,
    pub actions_enabled: bool,
    pub ok_actions: Vec<String>,
    pub alarm_actions: Vec<String>,
    pub insufficient_data_actions: Vec<String>,
    pub namespace: String,
    pub metric_name: String,
    /// Sorted by name.
    pub dimensions: Vec<(String, String)>,
    /// `Average`, `Sum`, … or an extended statistic such as `p90` (evaluated as the maximum: the store keeps no
    /// distribution).
    pub statistic: String,
    pub extended: bool,
    pub period: u32,
    pub unit: Option<String>,
    pub evaluation_periods: u32,
    pub datapoints_to_alarm: Option<u32>,
    pub threshold: f64,
    pub comparison: Comparison,
    pub treat_missing_data: Option<MissingData>,
    pub state: AlarmState,
    pub state_reason: String,
    pub state_reason_data: Option<String>,
    pub state_updated: SimTime,
    pub state_transitioned: SimTime,
    pub configuration_updated: SimTime,
}

impl MetricAlarm {
    pub fn arn(&self) -> String {
        format!("arn:aws:cloudwatch:{}:{ACCOUNT_ID}:alarm:{}", self.region, self.name)
    }
    /// M of "M out of N": DatapointsToAlarm, defaulting to EvaluationPeriods.
    pub fn datapoints_needed(&self) -> u32 {
        self.datapoints_to_alarm.unwrap_or(self.evaluation_periods)
    }
    pub fn missing(&self) -> MissingData {
        self.treat_missing_data.unwrap_or(MissingData::Missing)
    }
}

/// A number as CloudWatch's (Java) texts print it: `75.0`, `85.2`, `6.046241709654764`.
pub fn java_double(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e7 {
        format!("{v:.1}")
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_like_cloudwatch_reasons() {
        assert_eq!(java_double(75.0), "75.0");
        assert_eq!(java_double(85.2), "85.2");
        assert_eq!(java_double(0.0), "0.0");
    }

    #[test]
    fn comparisons_breach_as_named() {
        assert!(Comparison::GreaterThanThreshold.breaches(76.0, 75.0));
        assert!(!Comparison::GreaterThanThreshold.breaches(75.0, 75.0));
        assert!(Comparison::GreaterThanOrEqualToThreshold.breaches(75.0, 75.0));
        assert!(Comparison::LessThanThreshold.breaches(10.0, 67.5));
        assert_eq!(Comparison::parse("Nope"), None);
    }
}
