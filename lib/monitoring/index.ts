export { ALARM_DESCRIPTIONS, type AlarmKind } from './alarmDescriptions';
export { TriggerMonitoring, type TriggerMonitoringProps } from './TriggerMonitoring';
export {
  defaultOldestMessageAlarmSeconds,
  type MonitoringThresholds,
  monitoringThresholds,
} from './thresholds';
