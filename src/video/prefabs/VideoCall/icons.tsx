import { IconSvg as Svg } from '../../../components/IconSvg/IconSvg';

export const MicIcon = () => (
  <Svg>
    <rect x="9" y="3" width="6" height="11" rx="3" />
    <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
  </Svg>
);

export const MicOffIcon = () => (
  <Svg>
    <path d="M3 3l18 18M9 9v2a3 3 0 0 0 5 2.2M15 10V6a3 3 0 0 0-5.7-1.3M5 11a7 7 0 0 0 11.5 5.4M19 11a7 7 0 0 1-.5 2.5M12 18v3" />
  </Svg>
);

export const CameraIcon = () => (
  <Svg>
    <rect x="3" y="6" width="13" height="12" rx="2" />
    <path d="M16 10l5-3v10l-5-3" />
  </Svg>
);

export const CameraOffIcon = () => (
  <Svg>
    <path d="M3 3l18 18M16 16v0a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h1M10 6h4a2 2 0 0 1 2 2v2l5-3v10" />
  </Svg>
);

export const SettingsIcon = () => (
  <Svg>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1" />
  </Svg>
);

export const HangUpIcon = () => (
  <Svg>
    <path d="M3 15c5-5 13-5 18 0l-2 3-4-1v-3a9 9 0 0 0-6 0v3l-4 1z" />
  </Svg>
);

export const ScreenShareIcon = () => (
  <Svg>
    <rect x="3" y="4" width="18" height="12" rx="2" />
    <path d="M8 20h8M12 16v4M12 13V7M9 10l3-3 3 3" />
  </Svg>
);

export const StopShareIcon = () => (
  <Svg>
    <rect x="3" y="4" width="18" height="12" rx="2" />
    <path d="M8 20h8M12 16v4M9.5 7.5l5 5M14.5 7.5l-5 5" />
  </Svg>
);

export const WeakSignalIcon = () => (
  <Svg>
    <path d="M4 20v-2M9 20v-5M14 20V10M19 20V5" strokeDasharray="0" opacity="1" />
    <path d="M14 10v10M19 5v15" opacity="0.3" />
  </Svg>
);
