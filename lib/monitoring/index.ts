export { ALARM_DESCRIPTIONS, type AlarmKind } from './alarmDescriptions';
export { boundedName, serviceNameOf } from './serviceName';
export { TriggerMonitoring, type TriggerMonitoringProps } from './TriggerMonitoring';
export {
  defaultOldestMessageAlarmSeconds,
  type MonitoringThresholds,
  monitoringThresholds,
} from './thresholds';
